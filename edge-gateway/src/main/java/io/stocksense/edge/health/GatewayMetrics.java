package io.stocksense.edge.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the gateway. Thread-safe; cheap to increment from any thread. */
public final class GatewayMetrics {

    private final Map<String, LongAdder> readings = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> decodeErrors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ignoredInputs = new ConcurrentHashMap<>();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder batchesAcked = new LongAdder();
    private final LongAdder batchesResent = new LongAdder();
    private final LongAdder refusedFull = new LongAdder();
    private final Map<String, Gauge> gauges = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** A value read when metrics are scraped; the supplier must be cheap and thread-safe. */
    public record Gauge(String type, String help, java.util.function.DoubleSupplier value) {
    }

    /** Registers a value exported as {@code name} (Prometheus {@code type} gauge or counter). */
    public void register(String name, String type, String help, java.util.function.DoubleSupplier value) {
        gauges.put(name, new Gauge(type, help, value));
    }

    public Map<String, Gauge> gauges() {
        return Map.copyOf(gauges);
    }

    /** Device payloads not acknowledged because the outbox was full. */
    public void refusedFull(int payloads) {
        refusedFull.add(payloads);
    }

    public long refusedFull() {
        return refusedFull.sum();
    }

    public void readings(String deviceId, int n) {
        readings.computeIfAbsent(deviceId, k -> new LongAdder()).add(n);
    }

    public void decodeErrors(String deviceId, int n) {
        decodeErrors.computeIfAbsent(deviceId, k -> new LongAdder()).add(n);
    }

    /** Well-formed input that carries nothing to read (reader status events, value-less notifications). */
    public void ignored(String deviceId, int n) {
        ignoredInputs.computeIfAbsent(deviceId, k -> new LongAdder()).add(n);
    }

    public void batchSent() {
        batchesSent.increment();
    }

    public void batchAcked() {
        batchesAcked.increment();
    }

    public void batchTimedOut() {
        batchesResent.increment();
    }

    public Map<String, Long> readingsByDevice() {
        return snapshot(readings);
    }

    public Map<String, Long> decodeErrorsByDevice() {
        return snapshot(decodeErrors);
    }

    public Map<String, Long> ignoredByDevice() {
        return snapshot(ignoredInputs);
    }

    public long batchesSent() {
        return batchesSent.sum();
    }

    public long batchesAcked() {
        return batchesAcked.sum();
    }

    public long batchesTimedOut() {
        return batchesResent.sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
