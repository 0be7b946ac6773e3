package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.Engines;
import io.stocksense.edge.outbox.DeadLetter;
import io.stocksense.edge.outbox.SqliteOutbox;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.edge.alarm.LocalAlarms;
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
import java.util.HexFormat;
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
        await(thread.submit(() -> process(device, codec, payload, result, receivedAt)));
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

    private void process(Device device, String codec, byte[] payload, DecodeResult result, Instant receivedAt) {
        metrics.readings(device.id(), result.readings().size());
        if (!result.rejections().isEmpty()) {
            metrics.decodeErrors(device.id(), result.rejections().size());
            for (Rejection r : result.rejections()) {
                deadLetter(device.id(), codec, r.reason(), r.excerpt(), payload, receivedAt);
            }
        }
        EngineOutput output = EngineOutput.EMPTY;
        BigDecimal countedBefore = engines.shelfCounted(device.id());
        for (Reading reading : result.readings()) {
            try {
                output = output.plus(route(device, reading, receivedAt));
            } catch (RuntimeException e) {
                LOG.warn("engine failed on a reading of {}: {}", device.id(), e.toString(), e);
                deadLetter(device.id(), codec, "engine failed: " + e.getMessage(), String.valueOf(reading), payload, receivedAt);
            }
        }
        try {
            store(output, receivedAt);
        } catch (RuntimeException e) {
            // Not stored, so not acknowledged: the broker redelivers, and the shelf must count it again.
            engines.restoreShelf(device.id(), countedBefore);
            throw e;
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
        throw new IllegalArgumentException("no engine for " + reading.getClass().getSimpleName());
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
