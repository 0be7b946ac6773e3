package io.stocksense.edge.engine.shelf;

import io.stocksense.config.Device;
import io.stocksense.config.Durations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The shelf engine's own stability detector: a weight is settled when the last {@code readings}
 * weights, all taken within {@code window} of the newest, lie within {@code band} grams of each other;
 * the settled weight is their mean (the noise averages out). A load cell's own "stable" flag is only a
 * hint: many cheap cells never set it, others set it while a hand still rests on the shelf. A flagged
 * reading settles at once (the device filtered it already); unflagged readings settle through the
 * window, so a cell without a flag still counts.
 *
 * <p>Device options: {@code shelf.stableReadings} (default 5), {@code shelf.stableWindow} (default
 * 10s), {@code shelf.stableBand} in grams (default: the shelf tolerance, or a tenth of the unit weight
 * when the tolerance is 0). Not thread-safe.
 */
final class StabilityWindow {

    private final int readings;
    private final long windowMillis;
    private final BigDecimal band;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    private record Sample(long atMillis, BigDecimal grams) {
    }

    StabilityWindow(int readings, Duration window, BigDecimal band) {
        if (readings < 2) {
            throw new IllegalArgumentException("shelf.stableReadings must be at least 2, was " + readings);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("shelf.stableWindow must be positive, was " + window);
        }
        if (band.signum() < 0) {
            throw new IllegalArgumentException("shelf.stableBand must not be negative, was " + band);
        }
        this.readings = readings;
        this.windowMillis = window.toMillis();
        this.band = band;
    }

    static StabilityWindow of(Device device, BigDecimal tolerance, BigDecimal unitWeight) {
        String id = device.id();
        try {
            int n = Integer.parseInt(device.options().getOrDefault("shelf.stableReadings", "5").trim());
            Duration window = Durations.parse(device.options().getOrDefault("shelf.stableWindow", "10s").trim());
            String b = device.options().get("shelf.stableBand");
            BigDecimal fallback = tolerance.signum() > 0 ? tolerance : unitWeight.divide(BigDecimal.TEN, 3, RoundingMode.HALF_UP);
            return new StabilityWindow(n, window, b == null ? fallback : new BigDecimal(b.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + id + ": " + e.getMessage(), e);
        }
    }

    /** Adds a reading; returns the settled weight it completes, or null while the shelf moves. */
    BigDecimal add(BigDecimal grams, boolean flaggedStable, long atMillis) {
        samples.addLast(new Sample(atMillis, grams));
        while (samples.size() > readings || atMillis - samples.peekFirst().atMillis() > windowMillis) {
            samples.removeFirst();
        }
        if (flaggedStable) {
            return grams;
        }
        if (samples.size() < readings) {
            return null;
        }
        BigDecimal min = grams;
        BigDecimal max = grams;
        BigDecimal sum = BigDecimal.ZERO;
        for (Sample s : samples) {
            min = min.min(s.grams());
            max = max.max(s.grams());
            sum = sum.add(s.grams());
        }
        if (max.subtract(min).compareTo(band) > 0) {
            return null;
        }
        return sum.divide(BigDecimal.valueOf(samples.size()), 3, RoundingMode.HALF_EVEN);
    }
}
