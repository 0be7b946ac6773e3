package io.stocksense.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    static final Instant DEVICE_TIME = Instant.parse("2024-05-02T09:15:27.123Z");
    static final Instant GATEWAY_TIME = Instant.parse("2024-05-02T09:15:27.456789Z");

    static StockMovement movement() {
        return new StockMovement(EventIds.of("demo", "gw-1", "portal-dock1", 7), null, "portal-dock1", 7,
                DEVICE_TIME, GATEWAY_TIME, ClockSync.SYNCED, MovementType.RECEIPT, "WH1", "DOCK-1",
                List.of(new MovementLine("INS-PEN-10", "04012345123456", new BigDecimal("2"), "CS", null,
                                List.of("3034F4E4E40C0E40000003E9", "3034F4E4E40C0E40000003EA")),
                        new MovementLine("BOLT-M8", null, new BigDecimal("1.50"), "KG", "L-42", null),
                        new MovementLine("NUT-M8", null, new BigDecimal("0.1000000000000000000000001"), "KG", null, null),
                        new MovementLine("TAPE-50", null, new BigDecimal("10"), "EA", null, null)),
                "3134257BF4499602D2000000", List.of("E28011606000020A1B2C3D4E"));
    }

    static TelemetryPoint telemetry() {
        return new TelemetryPoint(EventIds.of("demo", "gw-1", "cold-sensor-1", 3), "telemetry", "cold-sensor-1", 3,
                null, GATEWAY_TIME, ClockSync.UNSYNCED, "WH1", "COLD", "temperature", 4.75, "CEL");
    }

    static DeviceEvent deviceEvent() {
        return new DeviceEvent(EventIds.of("demo", "gw-1", "shelf-a1", 1), null, "shelf-a1", 1, DEVICE_TIME,
                GATEWAY_TIME, null, "shelf-anomaly", "warning", "weight change is not a whole number of items",
                Map.of("deltaGrams", "-12.5", "unitWeightGrams", "33.5"));
    }

    @Test
    void movementRoundTripsWithExactQuantities() throws Exception {
        StockMovement m = movement();
        GatewayEvent back = Json.MAPPER.readValue(Json.write(m), GatewayEvent.class);

        assertThat(back).isEqualTo(m);
        StockMovement bm = (StockMovement) back;
        // equals() on BigDecimal compares the scale too: 1.50 must not come back as 1.5, nor 10 as 1E+1.
        assertThat(bm.lines()).extracting(MovementLine::quantity).containsExactly(
                new BigDecimal("2"), new BigDecimal("1.50"), new BigDecimal("0.1000000000000000000000001"),
                new BigDecimal("10"));
        assertThat(bm.clockSync()).isEqualTo(ClockSync.SYNCED);
        assertThat(bm.channel()).isEqualTo(Topics.Channel.MOVEMENTS);
    }

    @Test
    void movementWireFormIsFlatWithTypeAndIsoInstants() throws Exception {
        JsonNode json = Json.MAPPER.readTree(Json.write(movement()));
        assertThat(json.get("type").asText()).isEqualTo("movement");
        assertThat(json.get("deviceTime").asText()).isEqualTo("2024-05-02T09:15:27.123Z");
        assertThat(json.get("gatewayTime").asText()).isEqualTo("2024-05-02T09:15:27.456789Z");
        assertThat(json.get("deviceSeq").asLong()).isEqualTo(7);
        assertThat(json.get("movementType").asText()).isEqualTo("RECEIPT");
        assertThat(json.get("lines").get(1).get("quantity").decimalValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(json.has("channel")).as("channel is derived, not on the wire").isFalse();
    }

    @Test
    void telemetryRoundTrips() throws Exception {
        TelemetryPoint t = telemetry();
        String json = Json.writeString(t);
        assertThat(json).contains("\"type\":\"telemetry\"").contains("\"deviceTime\":null")
                .contains("\"gatewayTime\":\"2024-05-02T09:15:27.456789Z\"");
        GatewayEvent back = Json.MAPPER.readValue(json, GatewayEvent.class);
        assertThat(back).isEqualTo(t);
        assertThat(back.channel()).isEqualTo(Topics.Channel.TELEMETRY);
    }

    @Test
    void deviceEventRoundTrips() throws Exception {
        DeviceEvent e = deviceEvent();
        String json = Json.writeString(e);
        assertThat(json).contains("\"type\":\"device-event\"").contains("\"clockSync\":\"UNKNOWN\"");
        GatewayEvent back = Json.MAPPER.readValue(json, GatewayEvent.class);
        assertThat(back).isEqualTo(e);
        assertThat(back.channel()).isEqualTo(Topics.Channel.EVENTS);
    }

    @Test
    void batchRoundTripsWithEveryEventType() {
        EventBatch batch = new EventBatch("demo", "gw-1", 42, List.of(movement(), telemetry(), deviceEvent()));
        EventBatch back = Json.read(BatchCodec.encode(batch), EventBatch.class);
        assertThat(back).isEqualTo(batch);
        assertThat(back.events()).extracting(GatewayEvent::type).containsExactly("movement", "telemetry", "device-event");
    }

    @Test
    void ackRoundTripsAndTheMinimalFormReads() {
        BatchAck ack = new BatchAck(9, 2, 1, List.of(new BatchAck.Rejection("id-1", 3, "unknown sku")));
        assertThat(Json.read(Json.write(ack), BatchAck.class)).isEqualTo(ack);
        assertThat(Json.read("{\"batchSeq\": 5}".getBytes(), BatchAck.class)).isEqualTo(BatchAck.of(5));
    }

    @Test
    void aTypeThatContradictsTheKindIsRefused() {
        String json = Json.writeString(telemetry()).replace("\"metric\"", "\"x\":1,\"metric\"");
        assertThat(json).contains("\"x\":1");
        assertThatThrownBy(() -> Json.MAPPER.readValue(json.replace("\"type\":\"telemetry\"", "\"type\":\"nope\""),
                GatewayEvent.class)).hasMessageContaining("nope");
    }

    @Test
    void telemetryWithoutAValueIsRefusedRatherThanReadAsZero() {
        String withoutValue = Json.writeString(telemetry()).replace("\"value\":4.75,", "");
        assertThat(withoutValue).doesNotContain("\"value\"");
        assertThatThrownBy(() -> Json.MAPPER.readValue(withoutValue, GatewayEvent.class))
                .hasMessageContaining("value");
        String nullValue = Json.writeString(telemetry()).replace("\"value\":4.75", "\"value\":null");
        assertThatThrownBy(() -> Json.MAPPER.readValue(nullValue, GatewayEvent.class))
                .hasMessageContaining("value");
    }
}
