package io.stocksense.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.ShelfSettings;
import io.stocksense.config.Transport;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import io.stocksense.sim.opcua.OpcUaDeviceServer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.stocksense.sim.opcua.OpcUaDeviceServer.nodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Milo server (the device simulator) → a real gateway → embedded HiveMQ → a test cloud that acks.
 * The shelf scale counts bolts of 33.5 g; the cold-room sensor reports °C.
 */
class OpcUaAdapterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private OpcUaDeviceServer server;
    private TestBroker broker;
    private FakeCloud cloud;
    private EdgeGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = OpcUaDeviceServer.plain(0);
        server.setGross(new BigDecimal("1340.0")); // 40 bolts
        server.setStable(true);
        server.setTemperature(4.5);
        server.start();
        broker = TestBroker.start(dir.resolve("broker"));
        cloud = new FakeCloud(broker.url(), true);
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        cloud.close();
        broker.close();
        server.close();
    }

    private Device scale() {
        return new Device("scale-b1", "gw-1", DeviceFamily.SMART_SHELF, Transport.OPCUA, server.endpointUrl(), "opc-ua-40200",
                "WH1", "SHELF-A1", null, null, new ShelfSettings("BOLT-M8", new BigDecimal("8")),
                Map.of("nodes.gross", nodeId(OpcUaDeviceServer.GROSS), "nodes.stable", nodeId(OpcUaDeviceServer.STABLE),
                        "publishingInterval", "100ms", "samplingInterval", "50ms"));
    }

    private Device coldSensor() {
        return new Device("cold-opc-1", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.OPCUA, server.endpointUrl(), "opc-ua-analog",
                "WH1", null, "COLD", null, null,
                Map.of("nodes.temperature", nodeId(OpcUaDeviceServer.TEMPERATURE), "publishingInterval", "100ms"));
    }

    @Test
    void weightChangesBecomeMovementsTemperaturesTelemetryAndSubscriptionsSurviveAServerRestart() throws Exception {
        gateway = EdgeGateway.start(new GatewayConfig(TestSites.small(List.of(scale(), coldSensor())), "gw-1",
                broker.url(), broker.url(), dir.resolve("data"), 0, Duration.ofSeconds(10)));
        awaitStatus("scale-b1", "ONLINE");
        awaitStatus("cold-opc-1", "ONLINE");
        await().atMost(WAIT).until(() -> temperatures().size() == 1); // the initial value 4.5 °C

        server.setGross(new BigDecimal("1273.0")); // two bolts picked
        await().atMost(WAIT).until(() -> movements().size() == 1);
        server.setTemperature(5.25);
        await().atMost(WAIT).until(() -> temperatures().size() == 2);

        // A device sending a wrong type: a dead letter with the reason, no movement.
        server.set(OpcUaDeviceServer.GROSS, "heavy");
        await().atMost(WAIT).until(() -> health().path("outbox").path("deadLetters").asLong() == 1);
        server.setGross(new BigDecimal("1273.0"));

        server.stop();
        awaitReason("scale-b1", "COMMUNICATION_ERROR");
        awaitReason("cold-opc-1", "COMMUNICATION_ERROR");
        server.start();
        awaitStatus("scale-b1", "ONLINE");
        awaitStatus("cold-opc-1", "ONLINE");

        server.setGross(new BigDecimal("1306.5")); // one bolt put back: the new subscription counts it
        server.setTemperature(6.0);
        await().atMost(WAIT).until(() -> movements().size() == 2 && temperatures().size() == 3);
        await().atMost(WAIT).until(() -> gateway.outboxDepth() == 0);

        assertThat(movements()).extracting(StockMovement::deviceSeq, StockMovement::movementType,
                        m -> m.lines().get(0).quantity().intValueExact(), StockMovement::location)
                .containsExactly(Tuple.tuple(1L, MovementType.SHELF_PICK, 2, "SHELF-A1"),
                        Tuple.tuple(2L, MovementType.SHELF_PLACEMENT, 1, "SHELF-A1"));
        assertThat(temperatures()).extracting(TelemetryPoint::metric, TelemetryPoint::value, TelemetryPoint::unit, TelemetryPoint::zone)
                .containsExactly(Tuple.tuple("temperature", 4.5, "CEL", "COLD"), Tuple.tuple("temperature", 5.25, "CEL", "COLD"),
                        Tuple.tuple("temperature", 6.0, "CEL", "COLD"));
        assertThat(health().path("outbox").path("deadLetters").asLong()).isEqualTo(1);
    }

    @Test
    void aNodeTheServerDoesNotKnowIsAConfigurationErrorAndTheOtherDevicesRun() throws Exception {
        Device wrong = new Device("scale-x", "gw-1", DeviceFamily.SMART_SHELF, Transport.OPCUA, server.endpointUrl(), "opc-ua-40200",
                "WH1", "SHELF-A1", null, null, new ShelfSettings("BOLT-M8", new BigDecimal("8")),
                Map.of("nodes.gross", "ns=2;s=Scale9/CurrentWeight/Gross"));
        Device badOption = new Device("scale-y", "gw-1", DeviceFamily.SMART_SHELF, Transport.OPCUA, server.endpointUrl(), "opc-ua-40200",
                "WH1", "SHELF-A1", null, null, new ShelfSettings("BOLT-M8", new BigDecimal("8")),
                Map.of("nodes.gros", nodeId(OpcUaDeviceServer.GROSS)));
        gateway = EdgeGateway.start(new GatewayConfig(TestSites.small(List.of(wrong, badOption, coldSensor())), "gw-1",
                broker.url(), broker.url(), dir.resolve("data"), 0, Duration.ofSeconds(10)));

        awaitStatus("cold-opc-1", "ONLINE");
        awaitReason("scale-x", "CONFIGURATION_ERROR");
        assertThat(device("scale-x").path("detail").asText()).contains("nodes.gross ns=2;s=Scale9/CurrentWeight/Gross")
                .contains("Bad_NodeIdUnknown");
        assertThat(device("scale-y").path("reason").asText()).isEqualTo("CONFIGURATION_ERROR");
        assertThat(device("scale-y").path("detail").asText()).contains("unknown option 'nodes.gros'");
    }

    @Test
    void basic256Sha256WithATrustedServerCertificateReadsTheSensor() throws Exception {
        server.close();
        server = OpcUaDeviceServer.secured(0);
        server.setTemperature(3.75);
        server.start();
        Path trusted = java.nio.file.Files.createDirectories(dir.resolve("data/gateways/gw-1/opcua/pki/trusted/certs"));
        java.nio.file.Files.write(trusted.resolve("simulator.der"), server.certificate().getEncoded());
        Device secured = new Device("cold-sec-1", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.OPCUA, server.endpointUrl(),
                "opc-ua-analog", "WH1", null, "COLD", null, null, Map.of("nodes.temperature", nodeId(OpcUaDeviceServer.TEMPERATURE),
                "securityPolicy", "Basic256Sha256", "publishingInterval", "100ms"));
        gateway = EdgeGateway.start(new GatewayConfig(TestSites.small(List.of(secured)), "gw-1",
                broker.url(), broker.url(), dir.resolve("data"), 0, Duration.ofSeconds(10)));

        awaitStatus("cold-sec-1", "ONLINE");
        await().atMost(WAIT).until(() -> cloud.allEvents().stream().anyMatch(e -> e.deviceId().equals("cold-sec-1")));
        assertThat(cloud.allEvents().stream().filter(e -> e.deviceId().equals("cold-sec-1")).map(e -> (TelemetryPoint) e).toList())
                .extracting(TelemetryPoint::value).containsExactly(3.75);
    }

    private List<StockMovement> movements() {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals("scale-b1")).map(e -> (StockMovement) e).toList();
    }

    private List<TelemetryPoint> temperatures() {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals("cold-opc-1")).map(e -> (TelemetryPoint) e).toList();
    }

    private void awaitStatus(String deviceId, String state) {
        await().atMost(WAIT).until(() -> device(deviceId).path("status").asText().equals(state));
    }

    private void awaitReason(String deviceId, String reason) {
        await().atMost(WAIT).until(() -> device(deviceId).path("reason").asText().equals(reason));
    }

    private JsonNode device(String deviceId) throws Exception {
        for (JsonNode d : health().path("devices")) {
            if (d.path("id").asText().equals(deviceId)) {
                return d;
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    private JsonNode health() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + gateway.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return Json.MAPPER.readTree(body);
    }
}
