package io.stocksense.edge.codec;

import java.nio.charset.StandardCharsets;

/**
 * One part of a device payload that could not be decoded.
 *
 * @param reason  what was wrong, naming the field, e.g. {@code data.antenna is not an integer}
 * @param excerpt the offending input, shortened to {@value #MAX_EXCERPT} characters
 */
public record Rejection(String reason, String excerpt) {

    public static final int MAX_EXCERPT = 200;

    public static Rejection of(String reason, byte[] payload) {
        return of(reason, new String(payload, StandardCharsets.UTF_8));
    }

    public static Rejection of(String reason, String input) {
        return new Rejection(reason, excerpt(input));
    }

    /** The input with control characters made visible, cut to {@value #MAX_EXCERPT} characters. */
    public static String excerpt(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(input.length(), MAX_EXCERPT + 3));
        for (int i = 0; i < input.length() && sb.length() < MAX_EXCERPT; i++) {
            char c = input.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '\u00b7' : c);
        }
        if (input.length() > MAX_EXCERPT) {
            sb.append("...");
        }
        return sb.toString();
    }
}
