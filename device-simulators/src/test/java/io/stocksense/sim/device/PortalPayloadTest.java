package io.stocksense.sim.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.PortalSettings;
import io.stocksense.config.Transport;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.Sgtin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortalPayloadTest {

    static final Instant T0 = Instant.parse("2026-11-23T09:15:27.123456789Z");
    static final String GTIN = "04012345123456";
    static final String EPC = EpcCodec.encodeSgtin96(GTIN, 7, 1, 1001);

    final SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
    final List<byte[]> sent = new ArrayList<>();
    final List<String> topics = new ArrayList<>();
    final MessageSink sink = (topic, payload) -> {
        topics.add(topic);
        sent.add(payload);
    };

    static Device portal(String codec, Map<String, String> options) {
        return new Device("portal-x", "gw-1", DeviceFamily.RFID_PORTAL, Transport.MQTT, "readers/x/events", codec, "WH1", "DOCK-1",
                null, new PortalSettings(3, 4, Duration.ofSeconds(2), -75.0), null, options);
    }

    static JsonNode json(byte[] payload) throws IOException {
        return Json.MAPPER.readTree(payload);
    }

    @Test
    void theEncodedEpcIsTheGs1Example() {
        // DEVICE-FORMATS.md: 3034F4E4E40C0E40000003E9 = urn:epc:id:sgtin:4012345.012345.1001
        assertThat(EPC).isEqualToIgnoringCase("3034F4E4E40C0E40000003E9");
        assertThat(((Sgtin) EpcCodec.decode(EPC).identity()).gtin14()).isEqualTo(GTIN);
    }

    @Test
    void zebraEventsMatchTheIotConnectorFormat() throws IOException {
        RfidPortalSimulator sim = new RfidPortalSimulator(portal("zebra-iotc", Map.of("mac", "84:24:8D:00:00:07")), sink, clock, new Random(1));
        sim.receive(List.of(EPC));

        assertThat(topics).isNotEmpty().containsOnly("readers/x/events");
        long previousEventNum = 0;
        for (byte[] payload : sent) {
            JsonNode j = json(payload);
            assertThat(j.get("type").asText()).isEqualTo("PORTAL");
            String ts = j.get("timestamp").asText();
            assertThat(ts).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
            OffsetDateTime parsed = OffsetDateTime.parse(ts, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx"));
            assertThat(parsed.toInstant()).isBetween(T0.minusMillis(1), T0.plusSeconds(1));
            JsonNode d = j.get("data");
            assertThat(d.get("MAC").asText()).isEqualTo("84:24:8D:00:00:07");
            assertThat(d.get("format").asText()).isEqualTo("epc");
            assertThat(d.get("idHex").asText()).isEqualTo("3034f4e4e40c0e40000003e9");
            assertThat(d.get("antenna").asInt()).isIn(3, 4);
            assertThat(d.get("peakRssi").isInt()).isTrue();
            assertThat(d.get("peakRssi").asInt()).isBetween(-65, -50);
            assertThat(d.get("reads").asInt()).isBetween(1, 3);
            assertThat(d.get("eventNum").asLong()).isGreaterThan(previousEventNum);
            previousEventNum = d.get("eventNum").asLong();
        }
        assertThat(sim.messagesSent()).isEqualTo(sent.size()).isBetween(4L, 8L);
    }

    @Test
    void zebraPayloadHasExactlyTheFieldsOfARecordedEvent() throws IOException {
        new RfidPortalSimulator(portal("zebra-iotc", Map.of()), sink, clock, new Random(1)).receive(List.of(EPC));
        assertThat(shape(json(sent.get(0)))).isEqualTo(shape(fixture("zebra_fx9600_portal.json")));
        assertThat(json(sent.get(0)).at("/data/MAC").asText()).matches("C4:7D:CC:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}");
    }

    @Test
    void receiveReadsOuterThenInnerAndDispatchInnerThenOuter() throws IOException {
        RfidPortalSimulator sim = new RfidPortalSimulator(portal("zebra-iotc", Map.of()), sink, clock, new Random(7));
        sim.receive(List.of(EPC));
        List<Integer> in = antennas();
        sent.clear();
        sim.dispatch(List.of(EPC));
        List<Integer> out = antennas();

        assertThat(in.get(0)).isEqualTo(3);
        assertThat(in.subList(in.indexOf(4), in.size())).containsOnly(4);
        assertThat(out.get(0)).isEqualTo(4);
        assertThat(out.subList(out.indexOf(3), out.size())).containsOnly(3);
    }

    @Test
    void impinjEventsCarryTheSameEpcInBase64AndHex() throws IOException {
        RfidPortalSimulator sim = new RfidPortalSimulator(portal("impinj-iotdi", Map.of()), sink, clock, new Random(3));
        sim.receive(List.of(EPC));

        for (byte[] payload : sent) {
            JsonNode j = json(payload);
            assertThat(j.get("eventType").asText()).isEqualTo("tagInventory");
            assertThat(j.get("hostname").asText()).matches("impinj-[0-9a-f]{2}-[0-9a-f]{2}-[0-9a-f]{2}");
            assertThat(Instant.parse(j.get("timestamp").asText())).isBetween(T0, T0.plusSeconds(1));
            assertThat(j.get("timestamp").asText()).endsWith("Z");
            JsonNode e = j.get("tagInventoryEvent");
            byte[] fromBase64 = Base64.getDecoder().decode(e.get("epc").asText());
            assertThat(HexFormat.of().withUpperCase().formatHex(fromBase64)).isEqualTo(e.get("epcHex").asText()).isEqualTo(EPC.toUpperCase());
            assertThat(e.get("antennaPort").asInt()).isIn(3, 4);
            assertThat(e.get("peakRssiCdbm").asInt()).isBetween(-6575, -5000);
            assertThat(e.get("frequency").asInt()).isBetween(902_750, 927_250);
            assertThat(e.get("transmitPowerCdbm").asInt()).isEqualTo(3000);
        }
        assertThat(shape(json(sent.get(0)))).isEqualTo(shape(fixture("impinj_r700_tag-inventory.json")));
    }

    @Test
    void theGs1ExampleEpcInBase64IsTheRecordedOne() throws IOException {
        new RfidPortalSimulator(portal("impinj-iotdi", Map.of()), sink, clock, new Random(3)).receive(List.of(EPC));
        assertThat(json(sent.get(0)).at("/tagInventoryEvent/epc").asText())
                .isEqualTo(fixture("impinj_r700_tag-inventory.json").at("/tagInventoryEvent/epc").asText());
    }

    @Test
    void anUnknownCodecIsRefusedByName() {
        assertThatThrownBy(() -> new RfidPortalSimulator(portal("acme-rfid", Map.of()), sink, clock, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acme-rfid").hasMessageContaining("zebra-iotc");
    }

    @Test
    void aPassNeverPausesNearTheQuietPeriod() {
        List<Instant> times = new ArrayList<>();
        RfidPortalSimulator sim = new RfidPortalSimulator(portal("zebra-iotc", Map.of()), (t, p) -> times.add(clock.now()), clock,
                new Random(5));
        List<String> epcs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            epcs.add(EpcCodec.encodeSgtin96(GTIN, 7, 1, 5000 + i));
        }
        sim.receive(epcs);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isLessThan(Duration.ofMillis(100));
        }
        assertThat(sim.lastReadAt()).isEqualTo(times.get(times.size() - 1));
    }

    private List<Integer> antennas() throws IOException {
        List<Integer> out = new ArrayList<>();
        for (byte[] p : sent) {
            out.add(json(p).at("/data/antenna").asInt());
        }
        return out;
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = PortalPayloadTest.class.getResourceAsStream("/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    /** Field paths with their JSON node types: what a decoder relies on. */
    static Set<String> shape(JsonNode node) {
        Set<String> out = new TreeSet<>();
        shape("", node, out);
        return out;
    }

    private static void shape(String path, JsonNode node, Set<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                shape(path + "/" + f.getKey(), f.getValue(), out);
            }
        } else {
            out.add(path + ":" + (node.isNumber() ? (node.isIntegralNumber() ? "integer" : "decimal") : node.getNodeType()));
        }
    }
}
