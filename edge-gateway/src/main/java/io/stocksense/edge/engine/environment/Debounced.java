package io.stocksense.edge.engine.environment;

import java.time.Instant;

/**
 * A yes/no condition of one sensor that changes only after {@code confirm} consecutive readings agree,
 * so one stray reading (a spike while a door stood open for a moment, a radio glitch) changes nothing.
 * When it does change, {@link #since()} is the time of the first reading of the agreeing run: an
 * excursion's delay counts from when the temperature left the band, not from when that was confirmed.
 * Not thread-safe; one owner.
 */
final class Debounced {

    private final int confirm;
    private boolean state;
    private Instant since;
    private int run;
    private Instant runStart;

    Debounced(int confirm, boolean initial, Instant since) {
        this.confirm = confirm;
        this.state = initial;
        this.since = since;
    }

    /** Feeds one observation; returns the (possibly new) confirmed state. */
    boolean observe(boolean observed, Instant at) {
        if (observed == state) {
            run = 0;
            runStart = null;
            return state;
        }
        if (run == 0) {
            runStart = at;
        }
        run++;
        if (run >= confirm) {
            state = observed;
            since = runStart;
            run = 0;
            runStart = null;
        }
        return state;
    }

    boolean state() {
        return state;
    }

    /** When the confirmed state began, or null when it has held since before the first reading. */
    Instant since() {
        return since;
    }
}
