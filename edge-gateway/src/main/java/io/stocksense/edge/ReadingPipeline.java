package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.edge.alarm.AlarmChange;
import io.stocksense.edge.alarm.LocalAlarms;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.Engines;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.edge.outbox.DeadLetter;
import io.stocksense.edge.outbox.OutboxFullException;
import io.stocksense.edge.outbox.SqliteOutbox;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.DigitalInputReading;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.TagRead;
import io.stocksense.protocol.reading.WeightReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decoded readings → engines → outbox. Everything runs on one dedicated thread ({@code edge-pipeline}),
 * so engines need no locks and per-device order is the arrival order; the SQLite writes happen there
 * too, never on a Vert.x event loop. {@link #accept} waits for its work, so the adapter acknowledges
 * a device message only after its events are committed. Rejected input becomes dead letters.
 * Local alarms reach {@link LocalAlarms} (and so the signal outputs) only once they are stored.
 *
 * <p><b>Group commit:</b> payloads handed in while the thread is busy queue up; the thread then runs
 * all queued payloads through the engines and stores their events in ONE transaction (one fsync),
 * and only then releases their callers. If that transaction fails (outbox full, disk error) every
 * payload of the group fails and none is acknowledged.
 */
public final class ReadingPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingPipeline.class);
    private static final int HEX_KEPT = 512;

    private final Engines engines;
    private final SqliteOutbox outbox;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Runnable onStored;
    private final LocalAlarms alarms;
    private final ScheduledExecutorService thread;
    private final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();

    /** One payload waiting for the pipeline thread. */
    private record Job(Device device, String codec, byte[] payload, DecodeResult result, Instant receivedAt,
                       CompletableFuture<Void> done) {
    }

    public ReadingPipeline(Engines engines, SqliteOutbox outbox, GatewayMetrics metrics, Clock clock, Runnable onStored) {
        this(engines, outbox, metrics, clock, onStored, LocalAlarms.none());
    }

    public ReadingPipeline(Engines engines, SqliteOutbox outbox, GatewayMetrics metrics, Clock clock, Runnable onStored,
                           LocalAlarms alarms) {
        this.engines = engines;
        this.alarms = alarms;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.onStored = onStored;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-pipeline");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Processes one decoded payload; returns when its events are durable. Throws if they are not. */
    public void accept(Device device, String codec, byte[] payload, DecodeResult result, Instant receivedAt) {
        Job job = new Job(device, codec, payload, result, receivedAt, new CompletableFuture<>());
        queue.add(job);
        thread.execute(this::drain);
        await(job.done());
    }

    /**
     * Sends a device's status change north as a {@code device-status} DeviceEvent of the gateway,
     * naming the device in its {@code device} attribute. Returns at once
     * (it is called from adapter threads); a status that cannot be stored is logged, since the
     * device's state is still on {@code /health}.
     */
    public void deviceStatus(String gatewayId, DeviceStatus status) {
        Instant at = clock.instant();
        // Reported by the gateway (as zone alarms are), so the device's own sequence stays its readings'.
        PendingEvent event = new PendingEvent(gatewayId, (eventId, seq) -> new DeviceEvent(eventId, null,
                gatewayId, seq, null, at, ClockSync.UNKNOWN, "device-status", severity(status),
                status.deviceId() + " " + status.state().name().toLowerCase(java.util.Locale.ROOT)
                        + (status.detail() == null ? "" : ": " + status.detail()),
                statusAttributes(status)));
        try {
            thread.execute(() -> {
                try {
                    store(EngineOutput.of(List.of(event)), at);
                } catch (RuntimeException e) {
                    LOG.warn("status of {} not stored: {}", status.deviceId(), e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("status of {} after close ignored", status.deviceId());
        }
    }

    private static String severity(DeviceStatus s) {
        if (s.state() == DeviceStatus.State.ONLINE) {
            return "info";
        }
        return s.reason() == DeviceStatus.Reason.CONFIGURATION_ERROR ? "critical" : "warning";
    }

    private static Map<String, String> statusAttributes(DeviceStatus s) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("device", s.deviceId());
        a.put("state", s.state().name());
        if (s.reason() != null) {
            a.put("reason", s.reason().name());
        }
        if (s.detail() != null) {
            a.put("detail", s.detail());
        }
        return a;
    }

    /** The shelf's next settled weight becomes its baseline, without a movement. Waits until done. */
    public void tareShelf(String deviceId) {
        await(thread.submit(() -> engines.tareShelf(deviceId)));
    }

    /** Closes open portal passes (a split pass beats a lost one) and stops the thread. */
    @Override
    public void close() {
        try {
            await(thread.submit(() -> store(engines.flush(), clock.instant())));
        } catch (RuntimeException e) {
            LOG.warn("could not flush open portal passes on close: {}", e.getMessage());
        }
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs every queued payload through the engines and commits their events together. */
    private void drain() {
        List<Job> group = new ArrayList<>();
        for (Job j = queue.poll(); j != null; j = queue.poll()) {
            group.add(j);
        }
        if (group.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> countedBefore = new HashMap<>();
        List<PendingEvent> events = new ArrayList<>();
        Map<String, BigDecimal> grams = new LinkedHashMap<>();
        List<AlarmChange> alarmChanges = new ArrayList<>();
        for (Job job : group) {
            String id = job.device().id();
            if (!countedBefore.containsKey(id)) {
                countedBefore.put(id, engines.shelfCounted(id));
            }
            EngineOutput o = process(job);
            events.addAll(o.events());
            grams.putAll(o.shelfCountedGrams());
            alarmChanges.addAll(o.alarmChanges());
        }
        try {
            store(new EngineOutput(events, grams, alarmChanges), group.get(group.size() - 1).receivedAt());
        } catch (RuntimeException e) {
            // Not stored, so not acknowledged: the device or broker redelivers, and shelves must count it again.
            countedBefore.forEach(engines::restoreShelf);
            if (e instanceof OutboxFullException) {
                metrics.refusedFull(group.size());
            }
            group.forEach(j -> j.done().completeExceptionally(e));
            return;
        }
        group.forEach(j -> j.done().complete(null));
    }

    private EngineOutput process(Job job) {
        Device device = job.device();
        DecodeResult result = job.result();
        metrics.readings(device.id(), result.readings().size());
        if (!result.rejections().isEmpty()) {
            metrics.decodeErrors(device.id(), result.rejections().size());
            for (Rejection r : result.rejections()) {
                deadLetter(device.id(), job.codec(), r.reason(), r.excerpt(), job.payload(), job.receivedAt());
            }
        }
        if (!result.ignored().isEmpty()) {
            metrics.ignored(device.id(), result.ignored().size());
            LOG.debug("input from {} ({}) with nothing to read: {}", device.id(), job.codec(), result.ignored());
        }
        List<Reading> readings = result.readings();
        if (readings.size() == 1) {
            return routeSafely(job, readings.get(0));
        }
        EngineOutput out = EngineOutput.EMPTY;
        for (Reading reading : readings) {
            out = out.plus(routeSafely(job, reading));
        }
        return out;
    }

    private EngineOutput routeSafely(Job job, Reading reading) {
        try {
            return route(job.device(), reading, job.receivedAt());
        } catch (RuntimeException e) {
            LOG.warn("engine failed on a reading of {}: {}", job.device().id(), e.toString(), e);
            deadLetter(job.device().id(), job.codec(), "engine failed: " + e.getMessage(), String.valueOf(reading),
                    job.payload(), job.receivedAt());
            return EngineOutput.EMPTY;
        }
    }

    private EngineOutput route(Device device, Reading reading, Instant receivedAt) {
        if (reading instanceof TagRead tag) {
            return engines.onTagRead(device, tag, receivedAt);
        } else if (reading instanceof WeightReading weight) {
            return engines.onWeight(device, weight, receivedAt);
        } else if (reading instanceof ClimateReading climate) {
            EngineOutput out = engines.onClimate(device, climate, receivedAt);
            alarms.updateZones(engines.zoneClimates());
            return out;
        } else if (reading instanceof DigitalInputReading input) {
            return engines.onDigitalInput(device, input, receivedAt);
        }
        // A reading type no engine consumes yet (barcode scans): read, counted, and deliberately dropped.
        LOG.debug("no engine for {} readings; ignored from {}: {}", reading.getClass().getSimpleName(), device.id(), reading);
        return EngineOutput.EMPTY;
    }

    private void tick() {
        try {
            store(engines.tick(clock.instant()), clock.instant());
        } catch (RuntimeException e) {
            LOG.error("periodic engine work (portal passes, alarm delays, MKT) failed: {}", e.toString(), e);
        }
    }

    private void store(EngineOutput output, Instant now) {
        if (output.isEmpty()) {
            return;
        }
        outbox.append(output.events(), output.shelfCountedGrams(), output.alarmChanges(), now);
        alarms.apply(output.alarmChanges());
        if (!output.events().isEmpty()) {
            onStored.run();
        }
    }

    private void deadLetter(String deviceId, String codec, String reason, String excerpt, byte[] payload, Instant at) {
        LOG.debug("rejected input from {} ({}): {} | {}", deviceId, codec, reason, excerpt);
        byte[] head = payload.length <= HEX_KEPT ? payload : java.util.Arrays.copyOf(payload, HEX_KEPT);
        outbox.deadLetter(new DeadLetter(deviceId, codec, reason, excerpt, HexFormat.of().formatHex(head), at));
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing readings", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
