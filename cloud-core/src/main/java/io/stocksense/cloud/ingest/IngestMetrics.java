package io.stocksense.cloud.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Ingest counters for {@code /metrics}. Thread-safe. */
public final class IngestMetrics {

    private final AtomicLong batchesReceived = new AtomicLong();
    private final AtomicLong batchesFailed = new AtomicLong();
    private final AtomicLong batchesRejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong latencyNanosSum = new AtomicLong();
    private final AtomicLong latencyCount = new AtomicLong();
    private final AtomicLong gatewayStates = new AtomicLong();

    void batchReceived() {
        batchesReceived.incrementAndGet();
    }

    /** The batch could not be committed (database down); it was not acked. */
    void batchFailed() {
        batchesFailed.incrementAndGet();
    }

    /** The whole batch was unreadable (envelope error) and kept as a dead letter. */
    void batchRejected() {
        batchesRejected.incrementAndGet();
        rejected.incrementAndGet();
    }

    void committed(int acceptedEvents, int duplicateEvents, int rejectedEvents, long latencyNanos) {
        accepted.addAndGet(acceptedEvents);
        duplicates.addAndGet(duplicateEvents);
        rejected.addAndGet(rejectedEvents);
        latencyNanosSum.addAndGet(latencyNanos);
        latencyCount.incrementAndGet();
    }

    void gatewayState() {
        gatewayStates.incrementAndGet();
    }

    public long batchesReceived() {
        return batchesReceived.get();
    }

    public long batchesFailed() {
        return batchesFailed.get();
    }

    public long batchesRejected() {
        return batchesRejected.get();
    }

    public long eventsAccepted() {
        return accepted.get();
    }

    public long eventsDuplicate() {
        return duplicates.get();
    }

    public long eventsRejected() {
        return rejected.get();
    }

    public double latencySecondsSum() {
        return latencyNanosSum.get() / 1e9;
    }

    public long latencyCount() {
        return latencyCount.get();
    }

    public long gatewayStatesReceived() {
        return gatewayStates.get();
    }
}
