package io.stocksense.sim.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault to inject into the messages of one device (or of every device, {@code "*"}), while the
 * scenario's clock is in {@code [from, to)} (scenario time from its start; null = always).
 *
 * <p>Probabilities are per message, 0..1. A message gets at most one of drop, garble, duplicate,
 * reorder, delay, tried in that order with the same seeded random.
 *
 * @param drop      the message never leaves the device
 * @param duplicate the message is sent twice (QoS 1 redelivery, a reader's retry)
 * @param reorder   the message is held back and sent after the device's next one
 * @param garble    the message is cut at half its length and ended by a 0xFF byte, as after a
 *                  connection lost mid-frame: no decoder may take it for a reading
 * @param delay     how long a delayed message is held back (with probability {@code delayProbability})
 * @param unplug    the device is unplugged for the whole window: nothing it sends arrives
 * @param outage    the devices lose the broker for the whole window: their messages queue in the
 *                  device and arrive late, in a burst, when the broker is back (only with {@code "*"})
 */
public record FaultRule(String device, Duration from, Duration to, double drop, double duplicate, double reorder,
                        double garble, Duration delay, double delayProbability, boolean unplug, boolean outage) {

    public static final String ANY_DEVICE = "*";

    public FaultRule {
        Objects.requireNonNull(device, "device");
        for (double p : new double[] {drop, duplicate, reorder, garble, delayProbability}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a fault probability must be between 0 and 1, was " + p);
            }
        }
        if (from != null && to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a fault window must end after it starts (from " + from + ", to " + to + ")");
        }
        if ((unplug || outage) && (from == null || to == null)) {
            throw new IllegalArgumentException("unplug and broker outage need a window (at and for)");
        }
        if (outage && !ANY_DEVICE.equals(device)) {
            throw new IllegalArgumentException("a broker outage concerns every device: device must be \"*\"");
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /** Per-message faults with no window: the usual way to make a device unreliable. */
    public static FaultRule messages(String device, double drop, double duplicate, double reorder, double garble) {
        return new FaultRule(device, null, null, drop, duplicate, reorder, garble, null, 0, false, false);
    }

    /** The device is unplugged from {@code at} for {@code length}. */
    public static FaultRule unplug(String device, Duration at, Duration length) {
        return new FaultRule(device, at, at.plus(length), 0, 0, 0, 0, null, 0, true, false);
    }

    /** The broker is gone for the devices from {@code at} for {@code length}. */
    public static FaultRule brokerOutage(Duration at, Duration length) {
        return new FaultRule(ANY_DEVICE, at, at.plus(length), 0, 0, 0, 0, null, 0, false, true);
    }

    boolean concerns(String deviceId) {
        return ANY_DEVICE.equals(device) || device.equals(deviceId);
    }

    boolean activeAt(Duration sinceStart) {
        return (from == null || sinceStart.compareTo(from) >= 0) && (to == null || sinceStart.compareTo(to) < 0);
    }
}
