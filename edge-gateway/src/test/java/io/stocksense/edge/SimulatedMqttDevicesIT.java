package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.PortalSettings;
import io.stocksense.config.Site;
import io.stocksense.config.TemperatureLimits;
import io.stocksense.config.Transport;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import io.stocksense.sim.ScenarioResult;
import io.stocksense.sim.ScenarioRunner;
import io.stocksense.sim.script.ScenarioScriptParser;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MQTT device simulators (portals in both vendor formats, smart shelves, climate sensors in the
 * Zigbee2MQTT, Tasmota and Shelly formats) played by YAML scenarios against the real gateway over a
 * real embedded HiveMQ, with a fake cloud acking: the events that reach the cloud are exactly what
 * the scenario says, also with faults injected.
 */
class SimulatedMqttDevicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TemperatureLimits FAST = new TemperatureLimits(2, 8, Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5, 2);

    @TempDir
    Path dir;

    private TestBroker broker;
    private FakeCloud cloud;
    private EdgeGateway gateway;

    @BeforeEach
    void start() throws Exception {
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
    }

    private Site startGateway(List<Device> extra) {
        Site site = TestSites.small(extra, FAST);
        gateway = EdgeGateway.start(new GatewayConfig(site, "gw-1", broker.url(), broker.url(), dir.resolve("data"), 0, Duration.ofSeconds(5)));
        // the gateway must be subscribed to the device topics before the first simulated message
        await().atMost(WAIT).until(() -> {
            com.fasterxml.jackson.databind.JsonNode h = io.stocksense.protocol.Json.MAPPER.readTree(health());
            boolean online = true;
            for (com.fasterxml.jackson.databind.JsonNode d : h.path("devices")) {
                online &= "ONLINE".equals(d.path("status").asText());
            }
            return h.path("uplinkConnected").asBoolean() && online;
        });
        return site;
    }

    private static Device mqtt(String id, DeviceFamily family, String address, String codec, String location, String zone,
                               PortalSettings portal) {
        return new Device(id, "gw-1", family, Transport.MQTT, address, codec, "WH1", location, zone, portal, null, Map.of());
    }

    @Test
    void impinjAndZebraPortalsWithCrossReadsStrayTagsFaultsAndADriftingShelfGiveExactMovements() throws Exception {
        Device impinj = mqtt("portal-dock2", DeviceFamily.RFID_PORTAL, "impinj/r700-dock2/events", "impinj-iotdi", "DOCK-1", null,
                new PortalSettings(1, 2, Duration.ofSeconds(2), -75.0));
        Site site = startGateway(List.of(impinj));
        ScenarioResult result = new ScenarioRunner(site, broker.url(), 21).run(ScenarioScriptParser.parse("""
                name: two-doors
                speed: 2
                steps:
                  - { at: 0s,  do: baseline }
                  - { at: 0s,  do: place, device: shelf-a1, items: 20 }
                  - { at: 1s,  do: receive, device: portal-dock2, cases: 15, crossRead: portal-dock1, strayTags: 4, factoryTags: 2 }
                  - { at: 2s,  do: idle, device: shelf-a1, readings: 6, drift: 0.5, pause: 200ms }
                  - { at: 4s,  do: pick, device: shelf-a1, items: 3 }
                  - { at: 6s,  do: receive, device: portal-dock1, cases: 10 }
                faults:
                  - { device: portal-dock1, duplicate: 0.2, reorder: 0.2, garble: 0.05 }
                """, "two-doors.yaml"));

        await().atMost(WAIT).until(() -> movements("portal-dock1").size() == 1 && movements("portal-dock2").size() == 1
                && movements("shelf-a1").size() == 2);
        Thread.sleep(3000);   // nothing more may come: a cross-read or a duplicate must not make a second movement

        StockMovement dock2 = movements("portal-dock2").get(0);
        assertThat(dock2.movementType()).isEqualTo(MovementType.RECEIPT);
        assertThat(cases(dock2)).isEqualTo(15);
        assertThat(dock2.unresolvedEpcs()).hasSize(2).allMatch(e -> e.startsWith("E280"));   // factory tags kept, stray ones filtered
        StockMovement dock1 = movements("portal-dock1").get(0);
        assertThat(cases(dock1)).isEqualTo(10);
        assertThat(dock1.lines()).flatExtracting(l -> l.epcs()).doesNotContainAnyElementsOf(dock2.lines().stream()
                .flatMap(l -> l.epcs().stream()).toList());
        assertThat(movements("shelf-a1")).extracting(StockMovement::movementType, m -> m.lines().get(0).quantity().intValueExact())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MovementType.SHELF_PLACEMENT, 20),
                        org.assertj.core.groups.Tuple.tuple(MovementType.SHELF_PICK, 3));
        assertThat(result.expectedStockDelta()).containsEntry(new ScenarioResult.StockKey("BOLT-M8", "WH1", "SHELF-A1"), new BigDecimal("17"));

        long garbled = result.faultsInjected().get("portal-dock1").getOrDefault("garble", 0L);
        assertThat(result.faultsInjected().get("portal-dock1")).containsKeys("duplicate", "reorder");
        await().atMost(WAIT).until(() -> metric("decode_errors_total", "portal-dock1") == garbled);
    }

    @Test
    void tasmotaAndShellySensorsReportAndAFailedCompressorRaisesTheZoneAlarmButAShortDoorOpeningDoesNot() throws Exception {
        Site site = startGateway(List.of(
                mqtt("cold-tasmota", DeviceFamily.CLIMATE_SENSOR, "tele/cold-2/SENSOR", "tasmota", null, "COLD", null),
                mqtt("cold-shelly1", DeviceFamily.CLIMATE_SENSOR, "shellies/cold-3/sensor/+", "shelly", null, "COLD", null),
                mqtt("cold-shelly2", DeviceFamily.CLIMATE_SENSOR, "cold-4/events/rpc", "shelly", null, "COLD", null)));
        ScenarioRunner runner = new ScenarioRunner(site, broker.url(), 4);
        runner.run(ScenarioScriptParser.parse("""
                name: door-then-compressor
                duration: 9s
                steps:
                  - { at: 0s, every: 300ms, do: climate }
                  - { at: 1s, do: door-open, zone: COLD, for: 250ms, peak: 12 }
                """, "door.yaml"));
        Thread.sleep(3000);   // longer than the alarm delay: a one-reading spike must not have raised it
        assertThat(alarms()).isEmpty();

        runner.run(ScenarioScriptParser.parse("""
                name: compressor
                duration: 8s
                steps:
                  - { at: 0s, every: 300ms, do: climate }
                  - { at: 1s, do: compressor-failure, zone: COLD, rise: 0.5 }
                """, "compressor.yaml"));
        await().atMost(WAIT).until(() -> !alarms().isEmpty());
        assertThat(alarms().get(0).attributes()).containsEntry("zone", "COLD");
        for (String sensor : List.of("cold-sensor-1", "cold-tasmota", "cold-shelly1", "cold-shelly2")) {
            List<TelemetryPoint> temps = telemetry(sensor);
            assertThat(temps).as(sensor).hasSizeGreaterThan(40);
            assertThat(temps.get(0).value()).as(sensor).isBetween(4.5, 5.5);
            assertThat(temps.stream().mapToDouble(TelemetryPoint::value).max().orElseThrow()).as(sensor).isGreaterThan(9.0);
        }
    }

    private List<StockMovement> movements(String device) {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals(device) && e instanceof StockMovement)
                .map(e -> (StockMovement) e).sorted(java.util.Comparator.comparingLong(GatewayEvent::deviceSeq)).toList();
    }

    private List<TelemetryPoint> telemetry(String device) {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals(device) && e instanceof TelemetryPoint t
                        && t.metric().equals("temperature")).map(e -> (TelemetryPoint) e)
                .sorted(java.util.Comparator.comparingLong(GatewayEvent::deviceSeq)).toList();
    }

    private List<DeviceEvent> alarms() {
        return cloud.allEvents().stream().filter(e -> e instanceof DeviceEvent d && d.kind().equals("alarm-raised"))
                .map(e -> (DeviceEvent) e).toList();
    }

    private static int cases(StockMovement m) {
        return m.lines().stream().mapToInt(l -> l.quantity().intValueExact()).sum();
    }

    private String health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private long metric(String name, String deviceId) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("stocksense_edge_" + name + "\\{device=\"" + Pattern.quote(deviceId) + "\"} (\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
