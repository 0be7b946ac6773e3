package io.stocksense.edge.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the gateway. Thread-safe; cheap to increment from any thread. */
public final class GatewayMetrics {

    private final Map<String, LongAdder> readings = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> decodeErrors = new ConcurrentHashMap<>();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder batchesAcked = new LongAdder();
    private final LongAdder batchesResent = new LongAdder();

    public void readings(String deviceId, int n) {
        readings.computeIfAbsent(deviceId, k -> new LongAdder()).add(n);
    }

    public void decodeErrors(String deviceId, int n) {
        decodeErrors.computeIfAbsent(deviceId, k -> new LongAdder()).add(n);
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
