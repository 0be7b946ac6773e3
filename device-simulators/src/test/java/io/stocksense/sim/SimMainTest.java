package io.stocksense.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimMainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return SimMain.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listNamesEveryScenario() {
        assertThat(run("--list")).isZero();
        assertThat(out()).contains("e2e", "receive-pallet", "dispatch", "shelf-picks", "temperatures", "demo",
                "busy-dock", "cold-chain-failure", "unreliable-devices");
        assertThat(out().lines().count()).isEqualTo(9);
        out.reset();
        assertThat(run("list")).isZero();
        assertThat(out().lines().count()).isEqualTo(9);
    }

    @Test
    void anUnknownScenarioListsTheValidOnes() {
        assertThat(run("--site", DemoSite.FILE.toString(), "--scenario", "party")).isEqualTo(2);
        assertThat(err()).contains("unknown scenario 'party'", "valid: e2e, receive-pallet, dispatch, shelf-picks, temperatures, demo");
    }

    @Test
    void missingOptionsAreNamed() {
        assertThat(run("--scenario", "e2e")).isEqualTo(2);
        assertThat(err()).contains("--site FILE is required").contains("usage:");
        err.reset();
        assertThat(run("--site", DemoSite.FILE.toString())).isEqualTo(2);
        assertThat(err()).contains("--scenario NAME is required");
        err.reset();
        assertThat(run("--site", DemoSite.FILE.toString(), "--scenario", "e2e", "--seed", "abc")).isEqualTo(2);
        assertThat(err()).contains("--seed must be a whole number, was 'abc'");
        err.reset();
        assertThat(run("--site")).isEqualTo(2);
        assertThat(err()).contains("--site needs a value");
        err.reset();
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--frobnicate'");
    }

    @Test
    void aBadSiteFilePrintsTheLoadersErrorsWithFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                site: bad
                name: Broken site
                products:
                  - { sku: A, name: A, unit: EA }
                warehouses: []
                gateways: []
                devices:
                  - { id: x, gateway: nowhere, family: rfid-portal, transport: mqtt, address: a/b, codec: zebra-iotc }
                """);
        assertThat(run("--site", bad.toString(), "--scenario", "e2e")).isEqualTo(2);
        assertThat(err()).containsPattern("bad\\.yaml:\\d+: [\\w.\\[\\]]+: ");
    }

    @Test
    void theSummaryListsMessagesPerDeviceAndStockChanges() {
        Map<ScenarioResult.StockKey, BigDecimal> delta = new LinkedHashMap<>();
        delta.put(new ScenarioResult.StockKey("BOLT-M8", "WH1", "SHELF-A1"), new BigDecimal("-2"));
        delta.put(new ScenarioResult.StockKey("INS-PEN-10", "WH1", "DOCK-1"), new BigDecimal("10"));
        SimMain.printSummary(new ScenarioResult("e2e", 12, delta, Map.of("portal-dock1", 12)), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out()).contains("scenario e2e: 12 messages")
                .containsPattern("portal-dock1 +12")
                .containsPattern("BOLT-M8@WH1/SHELF-A1 +-2")
                .containsPattern("INS-PEN-10@WH1/DOCK-1 +\\+10");
    }

    @Test
    void credentialsInTheBrokerUrlAreNotPrinted() {
        assertThat(SimMain.redact("tcp://sim:s3cret@broker:1883")).isEqualTo("tcp://***@broker:1883").doesNotContain("s3cret");
    }
}
