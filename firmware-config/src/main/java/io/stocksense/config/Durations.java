package io.stocksense.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in site files: {@code 500ms}, {@code 2s}, {@code 15m}, {@code 1h}, or
 * ISO-8601 ({@code PT15M}, {@code PT1H30M}). Negative durations are refused. Pure and thread-safe.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h)");
    static final String FORMATS = "use 500ms, 2s, 15m, 1h or ISO-8601 like PT15M";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message saying which forms are accepted
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required: " + FORMATS);
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                default:
                    return Duration.ofHours(n);
            }
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            Duration d;
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration: " + FORMATS);
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative; a duration must be zero or more");
            }
            return d;
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration: " + FORMATS);
    }
}
