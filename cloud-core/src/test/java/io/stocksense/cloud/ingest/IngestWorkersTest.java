package io.stocksense.cloud.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestWorkersTest {

    @Test
    void tasksOfOneKeyRunOnOneThreadInTheOrderHandedOver() throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        Set<String> threads = new HashSet<>();
        CountDownLatch done = new CountDownLatch(1);
        try (IngestWorkers workers = new IngestWorkers(3, 4, "test-ingest")) {
            for (int i = 0; i < 1_000; i++) {
                int n = i;
                workers.execute("gw-1", () -> {
                    synchronized (seen) {
                        seen.add(n);
                        threads.add(Thread.currentThread().getName());
                    }
                });
            }
            workers.execute("gw-1", done::countDown);
            done.await();
        }
        synchronized (seen) {
            assertThat(seen).hasSize(1_000).isSorted();
            assertThat(threads).hasSize(1);
        }
    }

    @Test
    void differentWorkersRunSideBySide() throws InterruptedException {
        String a = "gw-a";
        String b = keyOnTheOtherWorker(a);
        CountDownLatch bRan = new CountDownLatch(1);
        AtomicBoolean aSawB = new AtomicBoolean();
        CountDownLatch aDone = new CountDownLatch(1);
        try (IngestWorkers workers = new IngestWorkers(2, 4, "test-ingest")) {
            workers.execute(a, () -> {
                try {
                    // Only returns true if b's task ran while this one was still running.
                    aSawB.set(bRan.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    aDone.countDown();
                }
            });
            workers.execute(b, bRan::countDown);
            aDone.await();
        }
        assertThat(aSawB).isTrue();
    }

    @Test
    void refusesWorkAfterCloseAndANonsenseCount() {
        IngestWorkers workers = new IngestWorkers(1, 1, "test-ingest");
        workers.close();
        assertThatThrownBy(() -> workers.execute("gw-1", () -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> new IngestWorkers(0, 1, "test-ingest")).hasMessageContaining("at least 1, got 0");
    }

    private static String keyOnTheOtherWorker(String key) {
        for (int i = 0; ; i++) {
            String other = "gw-" + i;
            if (Math.floorMod(other.hashCode(), 2) != Math.floorMod(key.hashCode(), 2)) {
                return other;
            }
        }
    }
}
