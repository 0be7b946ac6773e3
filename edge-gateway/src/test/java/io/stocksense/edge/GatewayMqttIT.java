package io.stocksense.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Site;
import io.stocksense.config.Transport;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.event.EventIds;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Devices → gateway → cloud over a real embedded HiveMQ, with the outbox in a real SQLite file. */
class GatewayMqttIT {

    private static final String FACTORY_EPC = "E2801160600002054E2D1A66";

    @TempDir
    Path dir;

    private TestBroker broker;
    private MqttClient devices;
    private FakeCloud cloud;
    private EdgeGateway gateway;

    @BeforeEach
    void startBroker() throws Exception {
        broker = TestBroker.start(dir.resolve("broker"));
        devices = new MqttClient(broker.url(), "test-devices", new MemoryPersistence());
        devices.connect();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        devices.disconnect();
        devices.close();
        broker.close();
    }

    private EdgeGateway startGateway(Site site, Duration ackTimeout) {
        return EdgeGateway.start(new GatewayConfig(site, "gw-1", broker.url(), broker.url(), dir.resolve("data"), 0, ackTimeout));
    }

    private void publish(String topic, String payload) throws Exception {
        devices.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private static String insulin(long serial) {
        return EpcCodec.encodeSgtin96(TestSites.INSULIN_GTIN, 7, 1, serial);
    }

    private static String zebra(String epc, int antenna, String time) {
        return "{\"type\":\"PORTAL\",\"timestamp\":\"" + time + "\",\"data\":{\"antenna\":" + antenna
                + ",\"idHex\":\"" + epc + "\",\"peakRssi\":-60,\"reads\":2}}";
    }

    private void publishPortalPass() throws Exception {
        publish("zebra/fx9600-dock1/events", "[" + zebra(insulin(1), 1, "2026-11-23T10:00:00.100+0000") + ","
                + zebra(insulin(2), 1, "2026-11-23T10:00:00.200+0000") + ","
                + zebra(FACTORY_EPC, 1, "2026-11-23T10:00:00.250+0000") + ","
                + zebra(insulin(3), 1, "2026-11-23T10:00:00.300+0000") + "]");
        publish("zebra/fx9600-dock1/events", zebra(insulin(1), 2, "2026-11-23T10:00:01.100+0000")
                + zebra(insulin(2), 2, "2026-11-23T10:00:01.200+0000") + zebra(insulin(3), 2, "2026-11-23T10:00:01.300+0000"));
    }

    private void publishShelf(String grams) throws Exception {
        publish("shelf/SHELF-A1/weight", "{\"grams\": " + grams + ", \"stable\": true}");
    }

    @Test
    void readingsBecomeExactEventsInTheCloudAndAcksDrainTheOutbox() throws Exception {
        cloud = new FakeCloud(broker.url(), true);
        Device mystery = new Device("mystery-1", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "acme/1", "acme-xml",
                "WH1", null, "COLD", null, null, Map.of());
        gateway = startGateway(TestSites.small(List.of(mystery)), Duration.ofSeconds(10));

        publishPortalPass();
        publishShelf("1005.0");
        publishShelf("1407.0");
        publishShelf("1340.0");
        publish("zigbee2mqtt/cold-room-1", "{\"temperature\":\"4.75\",\"humidity\":55.4,\"battery\":86,\"linkquality\":97}");
        publish("zigbee2mqtt/cold-room-1", "{\"temperature\":4.8,\"humid");

        await().atMost(Duration.ofSeconds(30)).until(() -> cloud.events(Topics.Channel.MOVEMENTS).size() == 3
                && cloud.events(Topics.Channel.TELEMETRY).size() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.outboxDepth() == 0);

        Map<String, List<GatewayEvent>> byDevice = cloud.allEvents().stream()
                .collect(Collectors.groupingBy(GatewayEvent::deviceId));
        assertThat(byDevice.keySet()).containsExactlyInAnyOrder("portal-dock1", "shelf-a1", "cold-sensor-1");
        assertPortalReceipt(byDevice.get("portal-dock1"));
        assertShelfMovements(byDevice.get("shelf-a1"));
        assertThat(byDevice.get("cold-sensor-1")).map(e -> (TelemetryPoint) e)
                .extracting(TelemetryPoint::metric, TelemetryPoint::value, TelemetryPoint::unit, TelemetryPoint::zone, TelemetryPoint::deviceSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("temperature", 4.75, "CEL", "COLD", 1L),
                        org.assertj.core.groups.Tuple.tuple("humidity", 55.4, "P1", "COLD", 2L),
                        org.assertj.core.groups.Tuple.tuple("battery", 86.0, "P1", "COLD", 3L));
        cloud.allEvents().forEach(e -> assertThat(e.eventId()).isEqualTo(EventIds.of("demo", "gw-1", e.deviceId(), e.deviceSeq())));
        assertThat(cloud.batches).allSatisfy(b -> assertThat(b.batch().gatewayId()).isEqualTo("gw-1"));
        assertThat(cloud.states).anySatisfy(s -> assertThat(s).contains("\"state\":\"online\""));

        assertHealthAndMetrics();
    }

    private static void assertPortalReceipt(List<GatewayEvent> events) {
        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.RECEIPT);
            assertThat(m.deviceSeq()).isEqualTo(1);
            assertThat(m.warehouse()).isEqualTo("WH1");
            assertThat(m.location()).isEqualTo("DOCK-1");
            assertThat(m.deviceTime()).isEqualTo(Instant.parse("2026-11-23T10:00:00.100Z"));
            assertThat(m.lines()).containsExactly(new MovementLine("INS-PEN-10", TestSites.INSULIN_GTIN, new BigDecimal("3"),
                    "CS", null, List.of(insulin(1), insulin(2), insulin(3))));
            assertThat(m.unresolvedEpcs()).containsExactly(FACTORY_EPC);
        });
    }

    private static void assertShelfMovements(List<GatewayEvent> events) {
        assertThat(events).map(e -> (StockMovement) e)
                .extracting(StockMovement::deviceSeq, StockMovement::movementType, m -> m.lines().get(0).quantity().intValueExact(),
                        StockMovement::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, MovementType.SHELF_PLACEMENT, 12, "SHELF-A1"),
                        org.assertj.core.groups.Tuple.tuple(2L, MovementType.SHELF_PICK, 2, "SHELF-A1"));
    }

    private void assertHealthAndMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = Json.MAPPER.readTree(health.body());
        assertThat(h.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(h.path("uplinkConnected").asBoolean()).isTrue();
        assertThat(h.path("outbox").path("depth").asLong()).isZero();
        assertThat(h.path("outbox").path("deadLetters").asLong()).isEqualTo(1);
        Map<String, JsonNode> devices = new java.util.HashMap<>();
        h.path("devices").forEach(d -> devices.put(d.path("id").asText(), d));
        assertThat(devices.get("portal-dock1").path("status").asText()).isEqualTo("ONLINE");
        assertThat(devices.get("mystery-1").path("status").asText()).isEqualTo("OFFLINE");
        assertThat(devices.get("mystery-1").path("reason").asText()).isEqualTo("CONFIGURATION_ERROR");
        assertThat(devices.get("mystery-1").path("detail").asText()).contains("unknown codec 'acme-xml'");
        // ... and the same went north as device-status events of the gateway
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cloud.statusEvents())
                .anySatisfy(e -> {
                    assertThat(e.deviceId()).isEqualTo("gw-1");
                    assertThat(e.attributes()).containsEntry("device", "mystery-1").containsEntry("state", "OFFLINE")
                            .containsEntry("reason", "CONFIGURATION_ERROR");
                    assertThat(e.severity()).isEqualTo("critical");
                })
                .anySatisfy(e -> assertThat(e.attributes()).containsEntry("device", "portal-dock1").containsEntry("state", "ONLINE")));

        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("stocksense_edge_readings_total{device=\"portal-dock1\"} 7\n")
                .contains("stocksense_edge_readings_total{device=\"shelf-a1\"} 3\n")
                .contains("stocksense_edge_decode_errors_total{device=\"cold-sensor-1\"} 1\n")
                .contains("stocksense_edge_outbox_depth 0\n")
                .contains("stocksense_edge_batches_sent_total " + cloud.batches.size() + "\n")
                .contains("stocksense_edge_batches_acked_total " + cloud.batches.size() + "\n");
    }

    @Test
    void withoutAcksTheOutboxKeepsEventsAndResendsThemAfterARestartWithTheSameIds() throws Exception {
        cloud = new FakeCloud(broker.url(), false);
        gateway = startGateway(TestSites.small(), Duration.ofMinutes(5));

        publish("zigbee2mqtt/cold-room-1", "{\"temperature\":3.5,\"humidity\":60}");
        publishShelf("1005.0");
        publishShelf("1407.0");
        await().atMost(Duration.ofSeconds(30)).until(() -> cloud.allEvents().size() == 3);
        List<String> firstIds = cloud.allEvents().stream().map(GatewayEvent::eventId).sorted().toList();
        long firstMaxSeq = cloud.batches.stream().mapToLong(b -> b.batch().batchSeq()).max().orElseThrow();
        // the three readings' events, plus the gateway's device-status reports (none acked either)
        assertThat(gateway.outboxDepth()).isGreaterThanOrEqualTo(3);

        gateway.close();
        cloud.clear();
        gateway = startGateway(TestSites.small(), Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> cloud.allEvents().size() == 3);
        assertThat(cloud.allEvents().stream().map(GatewayEvent::eventId).sorted().toList()).isEqualTo(firstIds);
        assertThat(cloud.batches).allSatisfy(b -> assertThat(b.batch().batchSeq()).isGreaterThan(firstMaxSeq));
        assertThat(gateway.outboxDepth()).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> deviceHealth("shelf-a1").path("status").asText().equals("ONLINE"));
        long depthBeforePick = gateway.outboxDepth();

        // The shelf baseline and device sequence survived the restart: a pick counts from 1407 g as event 2.
        // It waits in the outbox behind the unacked movements batch (one batch in flight per channel).
        publishShelf("1340.0");
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.outboxDepth() == depthBeforePick + 1);
        assertThat(cloud.allEvents()).hasSize(3);

        cloud.setAcking(true);
        cloud.ackAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.outboxDepth() == 0);
        assertThat(cloud.events(Topics.Channel.MOVEMENTS)).map(e -> (StockMovement) e)
                .extracting(StockMovement::deviceSeq, StockMovement::movementType, m -> m.lines().get(0).quantity().intValueExact())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, MovementType.SHELF_PLACEMENT, 12),
                        org.assertj.core.groups.Tuple.tuple(2L, MovementType.SHELF_PICK, 2));
    }

    @Test
    void afterABrokerRestartTheGatewayReconnectsAndResendsWhatWasNotAcked() throws Exception {
        cloud = new FakeCloud(broker.url(), false);
        // A short ack timeout: the new cloud client may subscribe after the post-reconnect resend.
        gateway = startGateway(TestSites.small(), Duration.ofSeconds(3));
        publish("zigbee2mqtt/cold-room-1", "{\"temperature\":5.5}");
        await().atMost(Duration.ofSeconds(30)).until(() -> cloud.allEvents().size() >= 1);
        String eventId = cloud.allEvents().get(0).eventId();
        cloud.close();
        devices.disconnect();

        broker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> deviceHealth("cold-sensor-1").path("reason").asText()
                .equals("COMMUNICATION_ERROR"));
        // the unacked reading, plus the status changes of the outage, wait in the outbox
        assertThat(gateway.outboxDepth()).isGreaterThan(1);
        broker.restart();
        devices.connect();
        cloud = new FakeCloud(broker.url(), true);

        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.outboxDepth() == 0);
        assertThat(cloud.allEvents()).extracting(GatewayEvent::eventId).containsOnly(eventId);
        // the outage itself reached the cloud afterwards, as a device-status event
        assertThat(cloud.statusEvents()).anySatisfy(e -> assertThat(e.attributes()).containsEntry("device", "cold-sensor-1")
                .containsEntry("state", "OFFLINE").containsEntry("reason", "COMMUNICATION_ERROR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> deviceHealth("cold-sensor-1").path("status").asText().equals("ONLINE"));

        // Devices are read again after the reconnect.
        publish("zigbee2mqtt/cold-room-1", "{\"temperature\":5.25}");
        await().atMost(Duration.ofSeconds(30)).until(() -> cloud.allEvents().stream().anyMatch(e -> !e.eventId().equals(eventId)));
        assertThat(cloud.allEvents().stream().filter(e -> !e.eventId().equals(eventId)).toList()).singleElement()
                .isInstanceOfSatisfying(TelemetryPoint.class, p -> {
                    assertThat(p.value()).isEqualTo(5.25);
                    assertThat(p.deviceSeq()).isEqualTo(2);
                });
    }

    private JsonNode deviceHealth(String deviceId) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + gateway.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode d : Json.MAPPER.readTree(body).path("devices")) {
            if (d.path("id").asText().equals(deviceId)) {
                return d;
            }
        }
        throw new AssertionError("no device " + deviceId + " in " + body);
    }
}
