package io.stocksense.sim.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulators' notion of time. Device timestamps come from {@link #now()} and pacing goes through
 * {@link #sleep(Duration)}, so a scenario run against a {@linkplain #virtual virtual clock} is fast and
 * byte-for-byte reproducible, and a run against the real clock can be stopped at any sleep.
 */
public interface SimClock {

    Instant now();

    /**
     * Waits for the given time.
     *
     * @throws SimulationStoppedException when the simulation is stopped (real clock) or the virtual
     *                                    clock's limit is passed
     */
    void sleep(Duration duration);

    /**
     * Runs an action that a stop must not cut in half (a portal pass, a shelf movement): sleeps inside
     * it still wait but never throw {@link SimulationStoppedException}; a stop takes effect at the
     * next sleep after it.
     */
    void atomically(Runnable action);

    /**
     * A clock that starts at {@code start} and advances only when slept on; sleeping past
     * {@code start + limit} stops the simulation. Not thread-safe: one simulation thread.
     */
    static SimClock virtual(Instant start, Duration limit) {
        Objects.requireNonNull(start, "start");
        Instant end = start.plus(limit);
        return new SimClock() {
            private Instant now = start;
            private int atomicDepth;

            @Override
            public Instant now() {
                return now;
            }

            @Override
            public void sleep(Duration duration) {
                Instant next = now.plus(duration);
                if (next.isAfter(end) && atomicDepth == 0) {
                    now = end;
                    throw new SimulationStoppedException();
                }
                now = next;
            }

            @Override
            public void atomically(Runnable action) {
                atomicDepth++;
                try {
                    action.run();
                } finally {
                    atomicDepth--;
                }
            }
        };
    }
}
