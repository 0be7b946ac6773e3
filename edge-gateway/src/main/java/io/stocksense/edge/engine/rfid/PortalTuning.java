package io.stocksense.edge.engine.rfid;

import io.stocksense.config.Device;
import io.stocksense.config.Durations;

import java.time.Duration;

/**
 * Portal settings beyond the site model's {@code PortalSettings}, read from the device's
 * {@code options}:
 * <ul>
 *   <li>{@code portal.duplicateWindow} (default 1s): a read of a tag on the same antenna within this
 *       window of its last accepted read is a duplicate; it only keeps the tag (and the pass) alive.</li>
 *   <li>{@code portal.tagAbsence} (default 10s, at least the quiet period): after its pass closed, a
 *       tag counts as gone only once it has not been read for this long. Until then further reads of
 *       it (a pallet parked by the door, a tag flickering at the edge of the field) are not a new
 *       passage.</li>
 * </ul>
 */
record PortalTuning(Duration duplicateWindow, Duration tagAbsence) {

    static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(1);
    static final Duration DEFAULT_TAG_ABSENCE = Duration.ofSeconds(10);

    static PortalTuning of(Device device, Duration quietPeriod) {
        Duration duplicate = option(device, "portal.duplicateWindow", DEFAULT_DUPLICATE_WINDOW);
        Duration absence = option(device, "portal.tagAbsence", DEFAULT_TAG_ABSENCE);
        if (absence.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException("device " + device.id() + ": option portal.tagAbsence (" + absence
                    + ") must be at least portal.quietPeriod (" + quietPeriod + ")");
        }
        return new PortalTuning(duplicate, absence);
    }

    private static Duration option(Device device, String key, Duration fallback) {
        String text = device.options().get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Durations.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + device.id() + ": option " + key + ": " + e.getMessage(), e);
        }
    }
}
