package io.stocksense.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.ShelfSettings;
import io.stocksense.config.Site;
import io.stocksense.config.Transport;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.sim.serial.MtSicsScaleSimulator;
import io.stocksense.sim.serial.SerialScaleSimulator;
import io.stocksense.sim.serial.ToledoContinuousSimulator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Simulated scales on real ptys (socat) → the real gateway's serial adapter → codecs → engines →
 * SQLite outbox → embedded HiveMQ → a fake cloud that acks. An MT-SICS balance is polled under a
 * smart-shelf slot (items counted by the shelf engine); a Toledo terminal streams as a plain scale
 * (stable weights as {@code scale-weight} events).
 */
class SerialScaleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private TestBroker broker;
    private FakeCloud cloud;
    private EdgeGateway gateway;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void startBrokerAndCloud() throws Exception {
        broker = TestBroker.start(dir.resolve("broker"));
        cloud = new FakeCloud(broker.url(), true);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        cloud.close();
        broker.close();
    }

    private SocatPty cable(String name) throws Exception {
        SocatPty pty = new SocatPty(dir.resolve(name + "-gw"), dir.resolve(name + "-dev"), dir.resolve(name + "-socat.log")).start();
        cleanup.add(0, pty);
        return pty;
    }

    private <S extends SerialScaleSimulator> S plugIn(S sim, String grams) {
        sim.setWeightGrams(new BigDecimal(grams));
        sim.setStable(true);
        sim.start();
        cleanup.add(0, sim);
        return sim;
    }

    private static Device sicsShelf(Path port) {
        return new Device("shelf-sics", "gw-1", DeviceFamily.SMART_SHELF, Transport.SERIAL, port.toString(), "mt-sics", "WH1",
                "SHELF-A1", null, null, new ShelfSettings("BOLT-M8", new BigDecimal("8")),
                // 20 unflagged polls (~4 s) before the engine's own window settles a weight: the 1 s of
                // dynamic ("D") readings below must stay uncounted; flagged-stable readings settle at once.
                Map.of("mode", "poll", "pollCommand", "SI", "pollInterval", "200ms", "shelf.stableReadings", "20"));
    }

    private static Device toledoScale(Path port) {
        return new Device("scale-toledo", "gw-1", DeviceFamily.SCALE, Transport.SERIAL, port.toString(), "toledo-continuous",
                "WH1", "DOCK-1", null, null, null, Map.of("framing", "stx-cr", "baud", "9600"));
    }

    private void startGateway(List<Device> serialDevices) {
        Site site = TestSites.small(serialDevices);
        gateway = EdgeGateway.start(new GatewayConfig(site, "gw-1", broker.url(), broker.url(), dir.resolve("data"), 0,
                Duration.ofSeconds(10)));
    }

    @Test
    void polledMtSicsAndStreamingToledoGiveExactEventsAndGarbageIsDeadLetteredWhileGoodFramesFlow() throws Exception {
        SocatPty sicsCable = cable("sics");
        SocatPty toledoCable = cable("toledo");
        MtSicsScaleSimulator sics = plugIn(new MtSicsScaleSimulator(sicsCable.deviceSide()), "1005.00");
        ToledoContinuousSimulator toledo = plugIn(new ToledoContinuousSimulator(toledoCable.deviceSide(), Duration.ofMillis(100)), "2500");
        startGateway(List.of(sicsShelf(sicsCable.gatewaySide()), toledoScale(toledoCable.gatewaySide())));

        await().atMost(WAIT).until(() -> "ONLINE".equals(deviceHealth("shelf-sics").path("status").asText())
                && "ONLINE".equals(deviceHealth("scale-toledo").path("status").asText()));
        // The shelf's first stable weight is its baseline; wait until the gateway has seen it.
        await().atMost(WAIT).until(() -> metric("readings_total", "shelf-sics") > 0);
        await().atMost(WAIT).until(() -> scaleWeights().contains("2500.000"));

        sics.setWeightGrams(new BigDecimal("1407.00"));            // +12 × 33.5 g
        await().atMost(WAIT).until(() -> shelfMovements().size() == 1);
        sics.setStable(false);
        sics.setWeightGrams(new BigDecimal("1300.00"));            // dynamic: not counted
        toledo.setStable(false);
        toledo.setWeightGrams(new BigDecimal("1250"));             // in motion: no event
        Thread.sleep(1000);
        sics.setWeightGrams(new BigDecimal("1340.00"));            // −2 × 33.5 g, once stable
        sics.setStable(true);
        toledo.setStable(true);
        await().atMost(WAIT).until(() -> shelfMovements().size() == 2 && scaleWeights().size() == 2);

        assertThat(shelfMovements()).extracting(StockMovement::deviceSeq, StockMovement::movementType,
                        m -> m.lines().get(0).quantity().intValueExact(), m -> m.lines().get(0).sku(), StockMovement::location)
                .containsExactly(Tuple.tuple(1L, MovementType.SHELF_PLACEMENT, 12, "BOLT-M8", "SHELF-A1"),
                        Tuple.tuple(2L, MovementType.SHELF_PICK, 2, "BOLT-M8", "SHELF-A1"));
        assertThat(scaleWeights()).containsExactly("2500.000", "1250.000");

        long sicsErrors = metric("decode_errors_total", "shelf-sics");
        long toledoErrors = metric("decode_errors_total", "scale-toledo");
        long deadLetters = health().path("outbox").path("deadLetters").asLong();
        sics.sendGarbage(new byte[]{(byte) 0xff, 0x00, 0x13, (byte) 0x8a, '\r', '\n'});
        toledo.sendGarbage(new byte[]{(byte) 0xff, 0x13, 0x00, (byte) 0x8a, 0x41});
        sics.setWeightGrams(new BigDecimal("1373.50"));            // +1 item after the noise
        toledo.setWeightGrams(new BigDecimal("3000"));

        await().atMost(WAIT).until(() -> shelfMovements().size() == 3 && scaleWeights().size() == 3);
        assertThat(metric("decode_errors_total", "shelf-sics")).isEqualTo(sicsErrors + 1);
        assertThat(metric("decode_errors_total", "scale-toledo")).isEqualTo(toledoErrors + 1);
        assertThat(health().path("outbox").path("deadLetters").asLong()).isEqualTo(deadLetters + 2);
        assertThat(shelfMovements().get(2).movementType()).isEqualTo(MovementType.SHELF_PLACEMENT);
        assertThat(shelfMovements().get(2).lines().get(0).quantity()).isEqualByComparingTo("1");
        assertThat(scaleWeights()).containsExactly("2500.000", "1250.000", "3000.000");
        await().atMost(WAIT).until(() -> gateway.outboxDepth() == 0);
    }

    @Test
    void anUnpluggedScaleGoesOfflineAndReadingsFlowAgainWhenItIsPluggedBackIn() throws Exception {
        SocatPty cable = cable("sics");
        plugIn(new MtSicsScaleSimulator(cable.deviceSide()), "1005.00");
        startGateway(List.of(sicsShelf(cable.gatewaySide())));
        await().atMost(WAIT).until(() -> metric("readings_total", "shelf-sics") > 0);
        assertThat(deviceHealth("shelf-sics").path("status").asText()).isEqualTo("ONLINE");

        cable.stop();
        await().atMost(WAIT).until(() -> "COMMUNICATION_ERROR".equals(deviceHealth("shelf-sics").path("reason").asText()));
        JsonNode offline = deviceHealth("shelf-sics");
        assertThat(offline.path("status").asText()).isEqualTo("OFFLINE");
        assertThat(offline.path("detail").asText()).contains(cable.gatewaySide().toString());

        cable.start();
        plugIn(new MtSicsScaleSimulator(cable.deviceSide()), "1407.00");   // 12 items were put on while unplugged
        await().atMost(WAIT).until(() -> "ONLINE".equals(deviceHealth("shelf-sics").path("status").asText()));
        await().atMost(WAIT).until(() -> shelfMovements().size() == 1);

        assertThat(shelfMovements()).extracting(StockMovement::movementType, m -> m.lines().get(0).quantity().intValueExact())
                .containsExactly(Tuple.tuple(MovementType.SHELF_PLACEMENT, 12));
    }

    private List<StockMovement> shelfMovements() {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals("shelf-sics")).map(e -> (StockMovement) e)
                .sorted(java.util.Comparator.comparingLong(GatewayEvent::deviceSeq)).toList();
    }

    private List<String> scaleWeights() {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals("scale-toledo")).map(e -> (DeviceEvent) e)
                .sorted(java.util.Comparator.comparingLong(GatewayEvent::deviceSeq))
                .peek(e -> assertThat(e.kind()).isEqualTo("scale-weight"))
                .map(e -> e.attributes().get("grams")).toList();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode health() throws Exception {
        return Json.MAPPER.readTree(get("/health"));
    }

    private JsonNode deviceHealth(String deviceId) throws Exception {
        for (JsonNode d : health().path("devices")) {
            if (d.path("id").asText().equals(deviceId)) {
                return d;
            }
        }
        throw new AssertionError("no device " + deviceId);
    }

    private long metric(String name, String deviceId) throws Exception {
        Matcher m = Pattern.compile("stocksense_edge_" + name + "\\{device=\"" + Pattern.quote(deviceId) + "\"} (\\d+)")
                .matcher(get("/metrics"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
