package io.stocksense.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrator commands {@code epc} and {@code decode}: their output lines and exit codes. */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private List<JsonNode> outLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) {
                lines.add(Json.MAPPER.readTree(l));
            }
        }
        return lines;
    }

    private PrintStream o() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream e() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @Test
    void epcDecodesTheWorkedSgtinExample() throws IOException {
        assertThat(EpcCommand.run(new String[] {"3074257BF7194E4000001A85"}, o(), e())).isZero();
        JsonNode j = outLines().get(0);
        assertThat(j.get("scheme").asText()).isEqualTo("sgtin");
        assertThat(j.get("identity").get("uri").asText()).isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
        assertThat(j.get("identity").get("gtin14").asText()).isEqualTo("80614141123458");
    }

    @Test
    void epcKeepsAFactoryTagUnresolvedAndRefusesGarbage() throws IOException {
        assertThat(EpcCommand.run(new String[] {"E2801160600002054F1C2A11"}, o(), e())).isEqualTo(1);
        assertThat(outLines().get(0).get("result").asText()).isEqualTo("unresolved");
        out.reset();
        assertThat(EpcCommand.run(new String[] {"30ZZ"}, o(), e())).isEqualTo(1);
        assertThat(outLines().get(0).get("result").asText()).isEqualTo("invalid");
        assertThat(EpcCommand.run(new String[] {}, o(), e())).isEqualTo(2);
    }

    @Test
    void decodePrintsOneReadingPerGluedZebraEvent() throws IOException {
        int rc = DecodeCommand.run(new String[] {"--codec", "zebra-iotc", "src/test/resources/decode/zebra_fx9600_glued.json"}, o(), e());
        List<JsonNode> lines = outLines();
        assertThat(rc).isZero();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("reading").asText()).isEqualTo("tag");
        assertThat(lines.get(0).get("epcHex").asText()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(lines.get(1).get("antenna").asInt()).isEqualTo(2);
    }

    @Test
    void decodeByLinesReportsTheBadLineWithItsReasonAndKeepsTheGoodOnes() throws IOException {
        int rc = DecodeCommand.run(new String[] {"--codec", "zigbee2mqtt", "--lines", "src/test/resources/decode/zigbee2mqtt_mixed_lines.txt"}, o(), e());
        List<JsonNode> lines = outLines();
        assertThat(rc).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("temperatureC").asDouble()).isEqualTo(4.75);
        assertThat(lines.get(1).get("temperatureC").asDouble()).isEqualTo(5.10);
        assertThat(lines.get(2).get("payload").asInt()).isEqualTo(3);
        assertThat(lines.get(2).get("rejected").asText()).isNotBlank();
    }

    @Test
    void decodeNamesTheKnownCodecsForAnUnknownOne() {
        assertThat(DecodeCommand.run(new String[] {"--codec", "nope", "x"}, o(), e())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown codec 'nope'").contains("zebra-iotc");
    }
}
