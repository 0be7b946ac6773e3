package io.stocksense.edge;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeMainTest {

    @Test
    void parsesSiteAndGateway() throws Exception {
        assertThat(EdgeMain.parse(new String[]{"--gateway", "gw-1", "--site", "sites/demo.yaml"}))
                .isEqualTo(new EdgeMain.Args(Path.of("sites/demo.yaml"), "gw-1"));
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> EdgeMain.parse(new String[]{"--site", "x.yaml"})).hasMessage("--gateway ID is required");
        assertThatThrownBy(() -> EdgeMain.parse(new String[]{"--gateway", "gw-1"})).hasMessage("--site FILE is required");
        assertThatThrownBy(() -> EdgeMain.parse(new String[]{"--site"})).hasMessage("--site needs a value");
        assertThatThrownBy(() -> EdgeMain.parse(new String[]{"--site", "--gateway", "g"})).hasMessage("--site needs a value");
        assertThatThrownBy(() -> EdgeMain.parse(new String[]{"--verbose"})).hasMessage("unknown argument '--verbose'");
    }

    @Test
    void printsTheGatewaysDevices() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EdgeMain.printDevices(new PrintStream(bytes, true, StandardCharsets.UTF_8), TestSites.small(), "gw-1");

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("site demo, gateway gw-1: 3 devices");
        assertThat(out).contains("portal-dock1").contains("zebra/fx9600-dock1/events").contains("codec zigbee2mqtt");
    }
}
