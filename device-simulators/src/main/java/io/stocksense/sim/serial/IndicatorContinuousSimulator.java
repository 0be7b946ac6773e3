package io.stocksense.sim.serial;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A weighing indicator streaming its continuous output in kilograms, e.g. {@code ST,GS,+  4.876kg}
 * CR LF, every {@code interval}: ST when stable, US when not.
 */
public final class IndicatorContinuousSimulator extends SerialScaleSimulator {

    private final Duration interval;

    public IndicatorContinuousSimulator(Path path, Duration interval) {
        super(path, "indicator");
        this.interval = interval;
    }

    /** The line for a weight, without CR LF. */
    public static String line(BigDecimal grams, boolean stable) {
        BigDecimal kg = grams.movePointLeft(3).setScale(3, RoundingMode.HALF_UP);
        return (stable ? "ST" : "US") + ",GS," + (kg.signum() < 0 ? "-" : "+")
                + String.format("%7s", kg.abs().toPlainString()) + "kg";
    }

    @Override
    protected void speak() throws LineGoneException {
        byte[] drain = new byte[64];
        while (running()) {
            write((line(weightGrams(), stable()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            pause(interval, drain);
        }
    }

    /** Waits by reading (so a vanished line is noticed) until the interval is over. */
    private void pause(Duration d, byte[] drain) throws LineGoneException {
        long end = System.nanoTime() + d.toNanos();
        while (running() && System.nanoTime() < end) {
            read(drain);
        }
    }
}
