package io.stocksense.launcher;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.cloud.broker.EmbeddedBroker;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's acceptance test under chaos: while 10,000 smart-shelf movements flow, the gateway
 * process is killed -9 twice (restarted each time on the same data directory) and the cloud is down
 * for part of the run. Afterwards the cloud must hold exactly the 10,000 movements, none doubled,
 * and exactly the stock the shelves ended with.
 *
 * <p>Set-up: a site broker for the devices and cloud-core (embedded PostgreSQL and broker, on a fixed
 * MQTT port so it comes back where the gateway expects it) run in this JVM; the gateway runs as its own
 * OS process ({@link GatewayProcess}, log under {@code target/gateway-chaos/}). The devices are a
 * Paho publisher here playing {@link ShelfTraffic}. Chaos is driven by how many movements were
 * published: gateway killed at 25 %, cloud stopped at 40 %, gateway killed again at 60 %, cloud
 * started again at 75 %. The devices never stop publishing.
 */
class GatewayChaosIT {

    static final String PASSWORD = "chaos-admin-password-1";
    static final int SHELVES = 20;
    static final int MOVEMENTS = 10_000;
    /** How long the devices take to play all movements: 2 cores shared with other builds. */
    static final Duration PLAY_TIME = Duration.ofSeconds(90);
    static final String SHELF_ROWS = "FROM stock_ledger WHERE movement_type IN ('SHELF_PLACEMENT', 'SHELF_PICK')";

    @TempDir
    Path data;

    private final AtomicReference<CloudCore> cloud = new AtomicReference<>();
    private final AtomicReference<GatewayProcess> gateway = new AtomicReference<>();
    private final List<GatewayProcess> allGateways = new CopyOnWriteArrayList<>();
    private final List<Long> killedPids = new CopyOnWriteArrayList<>();
    /** Per restart: seconds from the kill until the new gateway served again (its device session resumed before that). */
    private final List<CompletableFuture<String>> restarts = new CopyOnWriteArrayList<>();
    private final ExecutorService chaos = Executors.newSingleThreadExecutor(r -> new Thread(r, "chaos"));
    private volatile long cloudDownAt;
    private volatile long cloudUpAt;

    @Test
    void tenThousandMovementsSurviveTwoKillsAndACloudOutageExactlyOnce() throws Exception {
        ShelfTraffic traffic = new ShelfTraffic(SHELVES, MOVEMENTS, 20_240_611L);
        assertThat(traffic.movements()).isEqualTo(MOVEMENTS);
        Path siteFile = data.resolve("chaos-site.yaml");
        Files.writeString(siteFile, traffic.siteYaml(), StandardCharsets.UTF_8);
        CloudConfig cloudConfig = new CloudConfig(0, TestPorts.free(), data.resolve("cloud-data"), null, null, null, null,
                PASSWORD, List.of(siteFile), false);

        try (EmbeddedBroker siteBroker = EmbeddedBroker.start(data.resolve("site-broker"), "127.0.0.1", 0)) {
            String deviceMqtt = "tcp://127.0.0.1:" + siteBroker.port();
            try {
                cloud.set(CloudCore.start(cloudConfig));
                Map<String, String> env = Map.of("STOCKSENSE_MQTT_URL", cloud.get().mqttUrl(),
                        "STOCKSENSE_DEVICE_MQTT_URL", deviceMqtt,
                        "STOCKSENSE_DATA_DIR", data.resolve("gateway-data").toString(),
                        "STOCKSENSE_GATEWAY_HTTP_PORT", "0");
                startGateway(siteFile, env);
                // Devices publish only once the gateway's persistent session exists on the site broker.
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> gateway.get().isUp());

                long start = System.nanoTime();
                List<Future<?>> actions = new ArrayList<>();
                int published = play(traffic, deviceMqtt, chaosSchedule(siteFile, env, cloudConfig), actions);
                double playSeconds = seconds(start, System.nanoTime());
                for (Future<?> action : actions) {
                    action.get(5, TimeUnit.MINUTES);
                }
                List<String> restarted = new ArrayList<>();
                for (CompletableFuture<String> r : restarts) {
                    restarted.add(r.get(2, TimeUnit.MINUTES));
                }

                awaitEverythingDelivered();
                double deliveredSeconds = seconds(start, System.nanoTime());
                long[] rows = shelfRows();
                System.out.printf("gateway chaos: %d device messages published (%d movements: %d placements, %d picks) in %.1f s;"
                                + " gateway killed -9 %d times (pids %s; %s); cloud down %.1f s; ledger %d shelf movement rows,"
                                + " %d distinct events; all delivered %.1f s after the first movement%n",
                        published, traffic.movements(), traffic.placements(), traffic.picks(), playSeconds, killedPids.size(),
                        killedPids, String.join(", ", restarted), seconds(cloudDownAt, cloudUpAt), rows[0], rows[1], deliveredSeconds);

                assertThat(killedPids).as("gateway processes killed").hasSize(2);
                assertThat(cloudUpAt).as("the cloud was stopped and started again").isGreaterThan(cloudDownAt);
                assertExactlyOnce(traffic);
            } finally {
                chaos.shutdownNow();
                for (GatewayProcess g : allGateways) {
                    g.close();
                }
                CloudCore c = cloud.get();
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /** Movement count at which each chaos step runs (on the chaos thread, so the devices keep publishing). */
    private TreeMap<Integer, Runnable> chaosSchedule(Path siteFile, Map<String, String> env, CloudConfig cloudConfig) {
        TreeMap<Integer, Runnable> schedule = new TreeMap<>();
        schedule.put(MOVEMENTS * 25 / 100, () -> killAndRestartGateway(siteFile, env));
        schedule.put(MOVEMENTS * 40 / 100, () -> {
            cloudDownAt = System.nanoTime();
            cloud.get().close();
        });
        schedule.put(MOVEMENTS * 60 / 100, () -> killAndRestartGateway(siteFile, env));
        schedule.put(MOVEMENTS * 75 / 100, () -> {
            cloud.set(CloudCore.start(cloudConfig));
            cloudUpAt = System.nanoTime();
        });
        return schedule;
    }

    /**
     * Publishes every message (QoS 1, waiting for the broker's ack), paced to {@link #PLAY_TIME}, and hands each
     * chaos step to the chaos thread once its movement count is published. Ends with the sentinel reading.
     */
    private int play(ShelfTraffic traffic, String deviceMqtt, TreeMap<Integer, Runnable> schedule, List<Future<?>> actions)
            throws MqttException {
        MqttClient devices = new MqttClient(deviceMqtt, "chaos-shelves", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(30);
        // A synchronous publish returns on its PUBACK a moment before Paho releases its in-flight slot; under
        // load the next publish can find all 10 default slots taken (error 32202). The window is not what is tested.
        options.setMaxInflight(1000);
        devices.connect(options);
        try {
            long start = System.nanoTime();
            long perMovement = PLAY_TIME.toNanos() / traffic.movements();
            int published = 0;
            for (ShelfTraffic.Message m : traffic.messages()) {
                long due = start + m.movementsAfter() * perMovement;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                devices.publish(m.topic(), m.payload(), 1, false);
                published++;
                Map.Entry<Integer, Runnable> next = schedule.firstEntry();
                if (next != null && m.movementsAfter() >= next.getKey()) {
                    schedule.pollFirstEntry();
                    actions.add(chaos.submit(next.getValue()));
                }
            }
            devices.publish(ShelfTraffic.SENTINEL_TOPIC, ShelfTraffic.sentinelPayload(), 1, false);
            return published + 1;
        } finally {
            devices.disconnect();
            devices.close();
        }
    }

    private void startGateway(Path siteFile, Map<String, String> env) {
        try {
            Path log = Path.of("target", "gateway-chaos", "gateway-" + (allGateways.size() + 1) + ".log");
            GatewayProcess g = GatewayProcess.start(siteFile, "gw-1", env, log);
            allGateways.add(g);
            gateway.set(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void killAndRestartGateway(Path siteFile, Map<String, String> env) {
        GatewayProcess old = gateway.get();
        try {
            old.killHard();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the gateway", e);
        }
        long killedAt = System.nanoTime();
        killedPids.add(old.pid());
        startGateway(siteFile, env);
        GatewayProcess restarted = gateway.get();
        restarts.add(CompletableFuture.supplyAsync(() -> {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> restarted.healthPort().isPresent());
            try {
                return String.format("back after %.1f s with %d events in its outbox", seconds(killedAt, System.nanoTime()),
                        restarted.outboxAtStart());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /**
     * Done when the sentinel reached the cloud and the gateway's outbox is empty. The sentinel was published
     * after every shelf message on the same device session, so the gateway had stored the events of all of
     * them before it; an empty outbox means the cloud committed every one. Nothing can arrive later, and the
     * counts asserted next are final: a lost or doubled movement fails them instead of running into a timeout.
     */
    private void awaitEverythingDelivered() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                count("SELECT count(*) FROM telemetry WHERE device_id = '" + ShelfTraffic.SENTINEL_DEVICE + "'") > 0
                        && gateway.get().health().path("outbox").path("depth").asLong() == 0);
    }

    private void assertExactlyOnce(ShelfTraffic traffic) throws Exception {
        long[] rows = shelfRows();
        assertThat(rows[0]).as("shelf movement rows in the ledger").isEqualTo(MOVEMENTS);
        assertThat(rows[1]).as("distinct event ids of those rows").isEqualTo(MOVEMENTS);

        Map<String, List<BigDecimal>> perLocation = new TreeMap<>();
        query("SELECT location, count(*), sum(quantity) " + SHELF_ROWS + " GROUP BY location", rs ->
                perLocation.put(rs.getString(1), List.of(rs.getBigDecimal(2), rs.getBigDecimal(3).stripTrailingZeros())));
        Map<String, List<BigDecimal>> expected = new TreeMap<>();
        traffic.finalCount().forEach((location, count) -> expected.put(location,
                List.of(BigDecimal.valueOf(traffic.movementsPerLocation().get(location)), BigDecimal.valueOf(count).stripTrailingZeros())));
        assertThat(perLocation).as("location → [movements, final count]").isEqualTo(expected);

        // Every shelf event the gateway numbered reached the cloud once: sequences 1..n with no gap and nothing else.
        Map<String, List<Long>> seqs = new TreeMap<>();
        query("SELECT device_id, count(*), min(device_seq), max(device_seq) FROM ingested_event WHERE device_id LIKE 'shelf-%'"
                + " GROUP BY device_id", rs -> seqs.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
        Map<String, List<Long>> expectedSeqs = new TreeMap<>();
        for (int s = 1; s <= SHELVES; s++) {
            long n = traffic.movementsPerLocation().get(ShelfTraffic.location(s));
            expectedSeqs.put(ShelfTraffic.deviceId(s), List.of(n, 1L, n));
        }
        assertThat(seqs).as("device → [events, first seq, last seq]").isEqualTo(expectedSeqs);
        assertThat(count("SELECT count(*) FROM rejected_event")).as("events the cloud rejected").isZero();

        CloudApi api = new CloudApi(cloud.get().baseUrl(), "admin", PASSWORD);
        assertThat(api.stockByKey()).isEqualTo(traffic.expectedStock());
        assertThat(api.invariant().get("ok").asBoolean()).isTrue();
        assertThat(gateway.get().health().path("outbox").path("deadLetters").asLong()).as("gateway dead letters").isZero();
    }

    /** [rows, distinct event ids] of shelf movements in the ledger. */
    private long[] shelfRows() throws SQLException {
        long[] out = new long[2];
        query("SELECT count(*), count(DISTINCT event_id) " + SHELF_ROWS, rs -> {
            out[0] = rs.getLong(1);
            out[1] = rs.getLong(2);
        });
        return out;
    }

    private long count(String sql) throws SQLException {
        long[] out = new long[1];
        query(sql, rs -> out[0] = rs.getLong(1));
        return out[0];
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (Connection c = cloud.get().dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
