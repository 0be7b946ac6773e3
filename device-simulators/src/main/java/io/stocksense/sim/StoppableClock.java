package io.stocksense.sim;

import io.stocksense.sim.device.SimClock;
import io.stocksense.sim.device.SimulationStoppedException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time whose sleeps end early, with {@link SimulationStoppedException}, once
 * {@link #stop()} is called from any thread. Sleeps inside {@link #atomically} wait their full time
 * and do not throw, so a stop never leaves half a pallet pass behind.
 */
final class StoppableClock implements SimClock {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ThreadLocal<int[]> atomicDepth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile long deadlineNanos = Long.MAX_VALUE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration) {
        boolean atomic = atomicDepth.get()[0] > 0;
        try {
            if (atomic) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
                return;
            }
            long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            if (stopped.await(Math.min(duration.toNanos(), Math.max(0, left)), TimeUnit.NANOSECONDS) || duration.toNanos() >= left) {
                throw new SimulationStoppedException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationStoppedException();
        }
    }

    @Override
    public void atomically(Runnable action) {
        int[] depth = atomicDepth.get();
        depth[0]++;
        try {
            action.run();
        } finally {
            depth[0]--;
        }
    }

    /** Stops the simulation at its first sleep that would end after {@code limit} from now. */
    void stopAfter(Duration limit) {
        deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    void stop() {
        stopped.countDown();
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
