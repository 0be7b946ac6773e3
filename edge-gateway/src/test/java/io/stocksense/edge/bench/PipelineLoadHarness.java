package io.stocksense.edge.bench;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.PortalSettings;
import io.stocksense.config.Site;
import io.stocksense.config.Transport;
import io.stocksense.edge.ReadingPipeline;
import io.stocksense.edge.TestSites;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.shelfjson.ShelfJsonCodec;
import io.stocksense.edge.codec.zebra.ZebraIotConnectorCodec;
import io.stocksense.edge.codec.zigbee2mqtt.Zigbee2MqttCodec;
import io.stocksense.edge.engine.Engines;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.edge.outbox.SqliteOutbox;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.epc.EpcCodec;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load harness (not a test): device payload bytes → codec → {@link ReadingPipeline} (engines, group
 * commit into the real SQLite outbox, WAL + synchronous=FULL) for N seconds, with a fake cloud that
 * batches and acks like the uplink. Producers: two RFID portals (Zebra IoT Connector JSON, arrays of
 * 20 tag events, 500-tag pallets read 4 times each), one smart shelf and one climate sensor (each
 * payload waits for its commit, as an adapter does). Time inside the engines is simulated (the
 * portals advance it 1 ms per read, 3 s between pallets), so passes close as in the field.
 *
 * <p>Prints readings/s, events stored, heap used (MemoryMXBean) and RSS (/proc/self/status VmRSS).
 * Run: {@code ./mvnw -B -o -pl edge-gateway -am -Pbench -DskipTests verify} (one core, -Xmx64m,
 * 30 s; set -Dbench.seconds=N to change).
 */
public final class PipelineLoadHarness {

    private static final int TAGS_PER_PALLET = 500;
    private static final int EVENTS_PER_PAYLOAD = 20;
    private static final int PALLET_VARIANTS = 8;

    private final AtomicLong simMillis = new AtomicLong(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder readings = new LongAdder();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        new PipelineLoadHarness().run(seconds);
    }

    private Clock simClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(simMillis.get());
            }
        };
    }

    private void run(int seconds) throws Exception {
        Path dir = Files.createTempDirectory("stocksense-bench");
        Device dock2 = new Device("portal-dock2", "gw-1", DeviceFamily.RFID_PORTAL, Transport.MQTT, "zebra/dock2",
                "zebra-iotc", "WH1", "DOCK-2", null, new PortalSettings(1, 2, Duration.ofSeconds(2), -75.0), null, Map.of());
        Site site = TestSites.small(List.of(dock2));
        GatewayMetrics metrics = new GatewayMetrics();
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), site.siteId(), "gw-1");
             ReadingPipeline pipeline = new ReadingPipeline(new Engines(site, site.devicesOf("gw-1"), Map.of()), outbox,
                     metrics, simClock(), () -> { })) {
            List<Thread> threads = new ArrayList<>();
            threads.add(thread("portal-1", () -> portal(pipeline, TestSites.portal(), 1)));
            threads.add(thread("portal-2", () -> portal(pipeline, dock2, 2)));
            threads.add(thread("shelf", () -> shelf(pipeline)));
            threads.add(thread("climate", () -> climate(pipeline)));
            threads.add(thread("cloud", () -> cloud(outbox)));
            report(seconds, outbox);
            System.out.println("readings per device: " + metrics.readingsByDevice() + "; events left in outbox " + outbox.depth());
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    private void report(int seconds, SqliteOutbox outbox) throws InterruptedException {
        long start = System.nanoTime();
        long lastReadings = 0;
        long lastAt = start;
        long peakRss = 0;
        long peakHeap = 0;
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1_000);
            long now = System.nanoTime();
            long total = readings.sum();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = rssKb();
            peakHeap = Math.max(peakHeap, heap);
            peakRss = Math.max(peakRss, rss);
            if (s % 5 == 0) {
                System.out.printf("t=%3ds readings/s=%,9.0f heapUsed=%5.1f MB rss=%6.1f MB outboxDepth=%,d%n", s,
                        (total - lastReadings) * 1e9 / (now - lastAt), heap / 1048576.0, rss / 1024.0, outbox.depth());
                lastReadings = total;
                lastAt = now;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT readings=%,d in %.1f s = %,.0f readings/s; peak heap used %.1f MB (max %.0f MB); "
                        + "peak RSS %.1f MB; batches acked %,d%n", readings.sum(), elapsed, readings.sum() / elapsed,
                peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, peakRss / 1024.0, acked.sum());
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, "bench-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Pallets of 500 tags, each tag read twice outside then twice inside, as Zebra JSON arrays of 20. */
    private void portal(ReadingPipeline pipeline, Device device, int portal) {
        DeviceCodec codec = new ZebraIotConnectorCodec();
        List<List<byte[]>> pallets = new ArrayList<>();
        for (int v = 0; v < PALLET_VARIANTS; v++) {
            pallets.add(palletPayloads(portal * 100_000L + v * 1_000L));
        }
        for (int pallet = 0; running.get(); pallet++) {
            for (byte[] payload : pallets.get(pallet % PALLET_VARIANTS)) {
                Instant at = Instant.ofEpochMilli(simMillis.addAndGet(EVENTS_PER_PAYLOAD));
                var result = codec.decode(device.id(), payload, at);
                pipeline.accept(device, codec.name(), payload, result, at);
                readings.add(result.readings().size());
            }
            simMillis.addAndGet(3_000);
        }
    }

    private static List<byte[]> palletPayloads(long firstSerial) {
        List<String> events = new ArrayList<>();
        for (int antenna = 1; antenna <= 2; antenna++) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < TAGS_PER_PALLET; i++) {
                    String epc = EpcCodec.encodeSgtin96(TestSites.INSULIN_GTIN, 7, 1, firstSerial + i);
                    events.add("{\"type\":\"SIMPLE\",\"timestamp\":\"2026-11-23T10:00:00.000+0000\",\"data\":{\"idHex\":\""
                            + epc.toLowerCase(java.util.Locale.ROOT) + "\",\"antenna\":" + antenna + ",\"peakRssi\":-55,\"reads\":1}}");
                }
            }
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < events.size(); i += EVENTS_PER_PAYLOAD) {
            payloads.add(("[" + String.join(",", events.subList(i, i + EVENTS_PER_PAYLOAD)) + "]").getBytes(StandardCharsets.UTF_8));
        }
        return payloads;
    }

    /** A shelf reporting every reading; every 10th reading two bolts were picked or put back. */
    private void shelf(ReadingPipeline pipeline) {
        DeviceCodec codec = new ShelfJsonCodec();
        Device device = TestSites.shelf();
        for (long n = 0; running.get(); n++) {
            double grams = (n / 10) % 2 == 0 ? 1005.0 : 938.0;
            byte[] payload = ("{\"grams\": " + (grams + (n % 3) * 0.5) + ", \"stable\": true}").getBytes(StandardCharsets.UTF_8);
            Instant at = Instant.ofEpochMilli(simMillis.get());
            var result = codec.decode(device.id(), payload, at);
            pipeline.accept(device, codec.name(), payload, result, at);
            readings.add(result.readings().size());
        }
    }

    private void climate(ReadingPipeline pipeline) {
        DeviceCodec codec = new Zigbee2MqttCodec();
        Device device = TestSites.coldSensor();
        for (long n = 0; running.get(); n++) {
            byte[] payload = ("{\"temperature\":" + (4 + n % 10 / 10.0) + ",\"humidity\":55.4,\"battery\":86}")
                    .getBytes(StandardCharsets.UTF_8);
            Instant at = Instant.ofEpochMilli(simMillis.get());
            var result = codec.decode(device.id(), payload, at);
            pipeline.accept(device, codec.name(), payload, result, at);
            readings.add(result.readings().size());
        }
    }

    private final LongAdder acked = new LongAdder();

    /** The cloud side of the uplink: take the oldest batch of each channel and ack it, as MqttUplink does. */
    private void cloud(SqliteOutbox outbox) {
        while (running.get()) {
            for (Topics.Channel channel : Topics.Channel.values()) {
                outbox.assignBatch(channel, 500).ifPresent(b -> {
                    outbox.ack(b.batchSeq());
                    acked.increment();
                });
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
