package io.stocksense.edge.adapter.serial;

import io.stocksense.config.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A serial device's line settings and read mode, from the device's {@code options} in the site file.
 * Immutable; {@link #parse} checks every value and names the option and the allowed values on error.
 *
 * @param pollCommand sent (followed by CR LF) every {@code pollInterval} in {@link Mode#POLL}
 * @param checksum    for {@link Framing#STX_CR}: whether a checksum byte follows the CR
 */
public record SerialOptions(int baud, int dataBits, Parity parity, int stopBits, Mode mode, String pollCommand,
                            Duration pollInterval, Framing framing, boolean checksum) {

    public enum Parity { NONE, EVEN, ODD }

    /** CONTINUOUS: the device streams by itself; POLL: the gateway asks with {@code pollCommand}. */
    public enum Mode { CONTINUOUS, POLL }

    /** CRLF: text lines ended by CR and/or LF; STX_CR: STX … CR [CHK] frames (Toledo Continuous). */
    public enum Framing { CRLF, STX_CR }

    static final List<String> KEYS = List.of("baud", "dataBits", "parity", "stopBits", "mode", "pollCommand",
            "pollInterval", "framing", "checksum");
    static final List<Integer> BAUDS = List.of(300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400);

    public static SerialOptions defaults() {
        return parse(Map.of());
    }

    /**
     * Checks the transport's own (plain) keys; dotted keys belong to other layers that read the same
     * {@code options} map ({@code shelf.*} for the shelf engine, {@code json.*} for generic-json) and are
     * left to them, so a misspelt serial setting is still caught.
     *
     * @throws IllegalArgumentException naming the first bad option and what it allows
     */
    public static SerialOptions parse(Map<String, String> options) {
        for (String key : new TreeMap<>(options).keySet()) {
            if (!KEYS.contains(key) && key.indexOf('.') < 0) {
                throw new IllegalArgumentException("unknown serial option '" + key + "'; allowed: " + String.join(", ", KEYS));
            }
        }
        int baud = number(options, "baud", "9600", BAUDS);
        int dataBits = number(options, "dataBits", "8", List.of(7, 8));
        Parity parity = choice(options, "parity", "none", Parity.values());
        int stopBits = number(options, "stopBits", "1", List.of(1, 2));
        Mode mode = choice(options, "mode", "continuous", Mode.values());
        String pollCommand = options.getOrDefault("pollCommand", "SI");
        if (pollCommand.isEmpty() || !pollCommand.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("option pollCommand must be printable ASCII text such as SI, was '" + pollCommand + "'");
        }
        Duration pollInterval = duration(options, "pollInterval", "500ms");
        Framing framing = choice(options, "framing", "crlf", Framing.values());
        boolean checksum = choice(options, "checksum", "true", new String[]{"true", "false"}).equals("true");
        return new SerialOptions(baud, dataBits, parity, stopBits, mode, pollCommand, pollInterval, framing, checksum);
    }

    private static int number(Map<String, String> options, String key, String fallback, List<Integer> allowed) {
        String text = options.getOrDefault(key, fallback).trim();
        try {
            int v = Integer.parseInt(text);
            if (allowed.contains(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed values
        }
        throw new IllegalArgumentException("option " + key + " must be one of " + allowed + ", was '" + text + "'");
    }

    private static <E extends Enum<E>> E choice(Map<String, String> options, String key, String fallback, E[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = yamlName(values[i]);
        }
        String picked = choice(options, key, fallback, names);
        for (E v : values) {
            if (yamlName(v).equals(picked)) {
                return v;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static String choice(Map<String, String> options, String key, String fallback, String[] allowed) {
        String text = options.getOrDefault(key, fallback).trim();
        for (String a : allowed) {
            if (a.equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("option " + key + " must be one of " + String.join(", ", allowed) + ", was '" + text + "'");
    }

    private static Duration duration(Map<String, String> options, String key, String fallback) {
        String text = options.getOrDefault(key, fallback).trim();
        try {
            Duration d = Durations.parse(text);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the allowed format
        }
        throw new IllegalArgumentException("option " + key + " must be a positive duration such as 500ms or 2s, was '" + text + "'");
    }

    static String yamlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
