package io.stocksense.edge.adapter.gpio;

import com.pi4j.io.gpio.digital.PullResistance;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Durations;

import java.time.Duration;
import java.util.Locale;

/**
 * A GPIO device's pin settings, read from the site file: {@code address} is the BCM pin number;
 * options {@code pull} (up|down|off, default up: a contact switching to ground is the usual wiring,
 * and a floating input would invent door events), {@code activeLow} (true|false, default false: the
 * pin reads LOW when the door is open, the beam broken, or, for an output, when the light is on, as
 * on many relay boards) and {@code debounce} (inputs only, default 50ms, applied by the Pi4J provider).
 *
 * @throws IllegalArgumentException from {@link #of} with a message naming the setting
 */
record GpioPin(Device device, int bcm, boolean output, PullResistance pull, boolean activeLow, Duration debounce) {

    static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);

    static GpioPin of(Device d) {
        int bcm;
        try {
            bcm = Integer.parseInt(d.address() == null ? "" : d.address().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address must be a BCM pin number, was '" + d.address() + "'");
        }
        if (bcm < 0 || bcm > 53) {
            throw new IllegalArgumentException("address must be a BCM pin number 0..53, was " + bcm);
        }
        boolean output = d.family() == DeviceFamily.SIGNAL;
        if (!output && d.family() != DeviceFamily.DOOR) {
            throw new IllegalArgumentException("family " + d.family().yamlName()
                    + " has no GPIO support: inputs are door (contact or beam-break), outputs are signal");
        }
        return new GpioPin(d, bcm, output, pull(d.options().getOrDefault("pull", "up")),
                flag(d.options().getOrDefault("activeLow", "false")), debounce(d.options().get("debounce")));
    }

    /** The device's logical state (door open, beam broken, light on) from the pin's level. */
    boolean activeFromHigh(boolean high) {
        return high != activeLow;
    }

    /** The pin level that makes the device's logical state {@code active}. */
    boolean highFor(boolean active) {
        return active != activeLow;
    }

    private static PullResistance pull(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "up":
                return PullResistance.PULL_UP;
            case "down":
                return PullResistance.PULL_DOWN;
            case "off":
                return PullResistance.OFF;
            default:
                throw new IllegalArgumentException("options.pull must be up, down or off, was '" + s + "'");
        }
    }

    private static boolean flag(String s) {
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("options.activeLow must be true or false, was '" + s + "'");
        }
        return Boolean.parseBoolean(s);
    }

    private static Duration debounce(String s) {
        if (s == null) {
            return DEFAULT_DEBOUNCE;
        }
        try {
            return Durations.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("options.debounce: " + e.getMessage());
        }
    }
}
