package io.stocksense.sim;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a running scenario has got, for a progress bar: read from any thread while the scenario runs
 * on its own. The fraction done is by steps when the scenario knows how many it has (a YAML timeline),
 * else by time when it has a time limit, else unknown ({@code -1}).
 */
public final class ScenarioProgress {

    private final AtomicLong messages = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile String scenario = "";
    private volatile int stepsDone;
    private volatile int stepsTotal;
    private volatile Duration limit;
    private volatile String lastStep = "";
    private volatile boolean finished;

    void start(String scenario, int stepsTotal, Duration limit) {
        this.scenario = scenario;
        this.stepsTotal = stepsTotal;
        this.limit = limit;
    }

    void step(String line) {
        lastStep = line;
    }

    void advance() {
        stepsDone++;
    }

    void message() {
        messages.incrementAndGet();
    }

    void finish() {
        finished = true;
    }

    public String scenario() {
        return scenario;
    }

    /** Device messages sent so far (before faults: a dropped message counts, a duplicate once). */
    public long messages() {
        return messages.get();
    }

    public int stepsDone() {
        return stepsDone;
    }

    /** Steps of the timeline, 0 when the scenario does not know. */
    public int stepsTotal() {
        return stepsTotal;
    }

    /** The last step's description. */
    public String lastStep() {
        return lastStep;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public boolean finished() {
        return finished;
    }

    /** 0..1, or -1 when unknown. */
    public double fraction() {
        if (finished) {
            return 1;
        }
        if (stepsTotal > 0) {
            return Math.min(1, (double) stepsDone / stepsTotal);
        }
        Duration l = limit;
        if (l != null && l.compareTo(Duration.ZERO) > 0) {
            return Math.min(1, (double) elapsed().toMillis() / l.toMillis());
        }
        return -1;
    }
}
