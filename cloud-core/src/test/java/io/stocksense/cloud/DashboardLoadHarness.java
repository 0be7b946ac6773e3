package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Dashboard load harness (README "Benchmarks"; run by the {@code bench} profile only): a real
 * cloud-core on embedded PostgreSQL and HiveMQ, 200 simulated devices each reporting once a second
 * through the broker into ingest, batched every 100 ms as a gateway does (180 climate sensors, 20 smart
 * shelves placing and picking),
 * and the dashboard open in headless Chromium. In the page it measures how long a movement takes from
 * its device time to its line in the feed, the gaps between animation frames, and long tasks; it
 * prints those figures and the ingest rate. Bounded: it stops by itself after {@code seconds}.
 */
public final class DashboardLoadHarness {

    private static final String MEASURE = """
            window.__bench = { latencies: [], frames: [], longTasks: 0, longTaskMs: 0 };
            let last = performance.now();
            const frame = (t) => { window.__bench.frames.push(t - last); last = t; requestAnimationFrame(frame); };
            requestAnimationFrame(frame);
            new MutationObserver((records) => {
              for (const r of records) for (const n of r.addedNodes) {
                if (n.dataset && n.dataset.time && n.dataset.eventId && n.dataset.eventId.startsWith('load-')) {
                  window.__bench.latencies.push(Date.now() - Date.parse(n.dataset.time));
                }
              }
            }).observe(document.getElementById('feed'), { childList: true });
            try {
              new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__bench.longTasks++; window.__bench.longTaskMs += e.duration; } })
                .observe({ type: 'longtask', buffered: false });
            } catch (e) { }
            """;

    private DashboardLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path dir = Files.createTempDirectory("stocksense-dashboard-bench");
        String password = "bench-admin-password-0123456789";
        try (CloudCore core = CloudCore.start(CloudITSupport.config(dir).withAdminPassword(password));
             Browser browser = Browser.start(Files.createDirectories(dir.resolve("browser")), "en-GB")) {
            browser.open(core.baseUrl() + "/?lang=en");
            browser.signIn("admin", password);
            await().atMost(Duration.ofSeconds(30)).until(() -> !browser.all("#view-dashboard[data-loaded]").isEmpty());
            browser.js(MEASURE);
            MqttClient mqtt = new MqttClient(core.mqttUrl(), "bench-devices", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(1000);
            mqtt.connect(o);
            AtomicLong published = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ScheduledExecutorService devicesPool = Executors.newScheduledThreadPool(4);
            long started = System.nanoTime();
            // Like a gateway: every 100 ms one batch per channel with the readings of the devices due in that slot,
            // so each device still reports once a second.
            int slots = 10;
            for (int slot = 0; slot < slots; slot++) {
                int s0 = slot;
                devicesPool.scheduleAtFixedRate(() -> {
                    try {
                        List<JsonNode> movements = new java.util.ArrayList<>();
                        List<JsonNode> telemetry = new java.util.ArrayList<>();
                        for (int device = s0; device < devices; device += slots) {
                            if (device % 10 == 0) {
                                movements.add(shelfEvent(device));
                            } else {
                                telemetry.add(climateEvent(device));
                            }
                        }
                        publish(mqtt, Topics.Channel.MOVEMENTS, movements);
                        publish(mqtt, Topics.Channel.TELEMETRY, telemetry);
                        published.addAndGet(movements.size() + telemetry.size());
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }, slot * 1000L / slots, 1000, TimeUnit.MILLISECONDS);
            }
            Thread.sleep(seconds * 1000L);
            devicesPool.shutdownNow();
            devicesPool.awaitTermination(5, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            Thread.sleep(2000);
            @SuppressWarnings("unchecked")
            Map<String, Object> bench = (Map<String, Object>) browser.js("return window.__bench");
            mqtt.disconnect();
            mqtt.close();
            report(devices, elapsed, published.get(), failed.get(), bench, core);
        }
    }

    private static void publish(MqttClient mqtt, Topics.Channel channel, List<JsonNode> events) throws Exception {
        if (!events.isEmpty()) {
            mqtt.publish(Topics.up(TestGateway.SITE, TestGateway.GATEWAY, channel),
                    TestGateway.batch(TestGateway.nextSeq(), events.toArray(JsonNode[]::new)).toString().getBytes(), 1, false);
        }
    }

    private static JsonNode climateEvent(int device) {
        String zone = device % 2 == 0 ? "COLD" : "AMBIENT";
        double base = "COLD".equals(zone) ? 5 : 21;
        TelemetryPoint t = new TelemetryPoint("load-" + UUID.randomUUID(), null, "load-sensor-" + device, TestGateway.nextSeq(),
                Instant.now(), Instant.now(), ClockSync.SYNCED, "WH1", zone, "temperature", base + Math.random(), "CEL");
        return Json.MAPPER.valueToTree(t);
    }

    /** Shelves alternate a placement and a pick of one item, so stock stays put while the feed moves. */
    private static JsonNode shelfEvent(int device) {
        boolean place = (System.currentTimeMillis() / 1000) % 2 == 0;
        String location = "SHELF-A" + (1 + device / 10 % 4);
        String sku = List.of("BOLT-M8", "NUT-M8", "GLOVE-L", "TAPE-50").get(device / 10 % 4);
        String unit = "GLOVE-L".equals(sku) ? "BX" : "EA";
        StockMovement m = new StockMovement("load-" + UUID.randomUUID(), null, "load-shelf-" + device, TestGateway.nextSeq(),
                Instant.now(), Instant.now(), ClockSync.SYNCED, place ? MovementType.SHELF_PLACEMENT : MovementType.SHELF_PICK,
                "WH1", location, List.of(new MovementLine(sku, null, BigDecimal.ONE, unit, null, List.of())), null, List.of());
        return Json.MAPPER.valueToTree(m);
    }

    private static void report(int devices, double elapsed, long published, long failed, Map<String, Object> bench,
                               CloudCore core) throws Exception {
        List<Double> latencies = numbers(bench.get("latencies"));
        List<Double> frames = numbers(bench.get("frames"));
        RestClient rest = new RestClient(core.baseUrl());
        String metrics = rest.get("/metrics", null).body();
        System.out.println();
        System.out.println("=== dashboard under load ===");
        System.out.printf("devices                       %d, each reporting once a second (batched every 100 ms), %.1f s%n", devices, elapsed);
        System.out.printf("published                     %d events (%.0f/s), %d batches failed to publish%n", published, published / elapsed, failed);
        System.out.printf("movement -> feed line          n=%d  p50 %.0f ms  p95 %.0f ms  max %.0f ms%n", latencies.size(),
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 100));
        System.out.printf("frame interval                n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (%.1f fps)%n",
                frames.size(), pct(frames, 50), pct(frames, 95), pct(frames, 99), pct(frames, 100), frames.size() / elapsed);
        System.out.printf("long tasks (>50 ms)           %s, %.0f ms in total%n", bench.get("longTasks"),
                ((Number) bench.get("longTaskMs")).doubleValue());
        metrics.lines().filter(l -> l.startsWith("stocksense_ingest_events_total") || l.startsWith("stocksense_ingest_batches"))
                .forEach(l -> System.out.println("cloud metric                  " + l));
    }

    @SuppressWarnings("unchecked")
    private static List<Double> numbers(Object list) {
        return ((List<Object>) list).stream().map(v -> ((Number) v).doubleValue()).sorted().toList();
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
