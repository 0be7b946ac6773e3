package io.stocksense.cloud.bench;

import io.stocksense.cloud.ingest.BatchProcessor;
import io.stocksense.cloud.ingest.IngestWorkers;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands encoded batches to ingest the way {@code MqttIngest} does, minus MQTT: each batch is decoded on
 * the calling thread (Paho's callback thread there) and posted by {@link IngestWorkers} on the worker of
 * its gateway; returns once every batch is committed, with the acks summed up.
 */
final class IngestDriver {

    /** One batch as a gateway publishes it. */
    record Sent(Topics.Address from, String topic, byte[] payload) {
    }

    private IngestDriver() {
    }

    /** {accepted, duplicates, rejected} over all acks; throws when a batch failed or was not acked. */
    static long[] run(BatchProcessor processor, IngestWorkers workers, List<Sent> batches) throws InterruptedException {
        long[] counts = new long[3];
        CountDownLatch done = new CountDownLatch(batches.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (Sent s : batches) {
            BatchProcessor.Received r = processor.decode(s.from(), s.topic(), s.payload(), System.nanoTime());
            workers.execute(s.from().gatewayId(), () -> {
                try {
                    Optional<BatchAck> ack = processor.post(r);
                    BatchAck a = ack.orElseThrow(() -> new IllegalStateException("batch not acked"));
                    synchronized (counts) {
                        counts[0] += a.accepted();
                        counts[1] += a.duplicates();
                        counts[2] += a.rejected().size();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("a batch failed: " + failure.get(), failure.get());
        }
        synchronized (counts) {
            return counts.clone();
        }
    }
}
