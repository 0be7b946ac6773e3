package io.stocksense.cloud.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** HTTP request counters by status code, for {@code /metrics}. Thread-safe. */
public final class HttpMetrics {

    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final AtomicLong sseClients = new AtomicLong();

    public void request(int status) {
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    public Map<Integer, Long> requestsByStatus() {
        Map<Integer, Long> out = new TreeMap<>();
        byStatus.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void sseOpened() {
        sseClients.incrementAndGet();
    }

    void sseClosed() {
        sseClients.decrementAndGet();
    }

    public long sseClients() {
        return sseClients.get();
    }
}
