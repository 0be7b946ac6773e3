package io.stocksense.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a running scenario's {@link ScenarioProgress}. On a terminal one line is redrawn in place a few
 * times a second ({@code \r} and erase-to-end-of-line); otherwise (a pipe, a CI log) a full line is
 * printed every {@code interval}, so logs stay readable. A scenario whose end is not known shows a
 * moving marker instead of a percentage.
 *
 * <p>Runs its own daemon thread between {@link #start()} and {@link #finish()}.
 */
final class ProgressBar {

    static final int WIDTH = 30;

    private final ScenarioProgress progress;
    private final PrintStream out;
    private final boolean terminal;
    private final Duration interval;
    private Thread thread;
    private volatile boolean running;
    private int tick;

    ProgressBar(ScenarioProgress progress, PrintStream out, boolean terminal, Duration interval) {
        this.progress = progress;
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "sim-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops redrawing and prints the final (100 %) line. */
    void finish() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        print(line());
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(terminal ? 200 : interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                print(line());
            }
        }
    }

    private synchronized void print(String line) {
        if (terminal) {
            out.print("\r" + line + "\033[K");
            out.flush();
        } else {
            out.println(line);
        }
    }

    /** e.g. {@code [###############...............]  50%  14/28 steps   312 msgs  0:12  shelf-a1: picked 3 x BOLT-M8}. */
    String line() {
        double f = progress.fraction();
        StringBuilder bar = new StringBuilder("[");
        String pct;
        if (f >= 0) {
            int filled = (int) Math.round(f * WIDTH);
            bar.append("#".repeat(filled)).append(".".repeat(WIDTH - filled));
            pct = String.format(Locale.ROOT, "%3d%%", Math.round(f * 100));
        } else {
            int at = tick++ % WIDTH;
            bar.append(".".repeat(at)).append("<=>", 0, Math.min(3, WIDTH - at)).append(".".repeat(Math.max(0, WIDTH - at - 3)));
            pct = "  ..";
        }
        bar.append("]");
        String steps = progress.stepsTotal() > 0 ? String.format(Locale.ROOT, "  %d/%d steps", progress.stepsDone(), progress.stepsTotal()) : "";
        long s = progress.elapsed().toSeconds();
        String last = progress.lastStep();
        if (last.length() > 60) {
            last = last.substring(0, 57) + "...";
        }
        return String.format(Locale.ROOT, "%s %s%s  %6d msgs  %d:%02d  %s", bar, pct, steps, progress.messages(), s / 60, s % 60, last);
    }
}
