package io.stocksense.cloud.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed webhook delivery is tried again: after {@code initialDelay}, doubling with every further failure
 * up to {@code maxDelay}, at most {@code maxAttempts} attempts in all (then the delivery is {@code failed} and
 * stays in the log). Each delay gets up to 10% added at random so that many deliveries to one receiver that
 * failed together do not all return at the same instant.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, Duration requestTimeout) {

    /** 10 s, 20 s, 40 s ... capped at 1 h, 12 attempts (about 5 hours in all), 10 s per request. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 12,
            Duration.ofSeconds(10));

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("Webhook retry initial delay must be positive, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Webhook retry max delay must be at least the initial delay, was " + maxDelay);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Webhook max attempts must be at least 1, was " + maxAttempts);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Webhook request timeout must be positive, was " + requestTimeout);
        }
    }

    /**
     * {@link #DEFAULT} with what {@code lookup} gives for {@code STOCKSENSE_WEBHOOK_RETRY_INITIAL},
     * {@code STOCKSENSE_WEBHOOK_RETRY_MAX} (ISO-8601 durations such as {@code PT10S}), {@code STOCKSENSE_WEBHOOK_MAX_ATTEMPTS}
     * and {@code STOCKSENSE_WEBHOOK_TIMEOUT}; a bad value is an error naming the variable.
     */
    public static RetryPolicy from(java.util.function.Function<String, String> lookup) {
        return new RetryPolicy(duration(lookup, "STOCKSENSE_WEBHOOK_RETRY_INITIAL", DEFAULT.initialDelay),
                duration(lookup, "STOCKSENSE_WEBHOOK_RETRY_MAX", DEFAULT.maxDelay),
                integer(lookup, "STOCKSENSE_WEBHOOK_MAX_ATTEMPTS", DEFAULT.maxAttempts),
                duration(lookup, "STOCKSENSE_WEBHOOK_TIMEOUT", DEFAULT.requestTimeout));
    }

    private static Duration duration(java.util.function.Function<String, String> lookup, String name, Duration dflt) {
        String v = lookup.apply(name);
        try {
            return v == null || v.isBlank() ? dflt : Duration.parse(v.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT10S, was '" + v + "'");
        }
    }

    private static int integer(java.util.function.Function<String, String> lookup, String name, int dflt) {
        String v = lookup.apply(name);
        try {
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }

    /** The delay before the next attempt after {@code failedAttempts} failures (1 = the first one failed), without jitter. */
    public Duration baseDelay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        Duration d = initialDelay;
        for (int i = 1; i < failedAttempts && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** {@link #baseDelay} plus {@code jitter} (0..1) times 10% of it. */
    public Duration delay(int failedAttempts, double jitter) {
        Duration base = baseDelay(failedAttempts);
        return base.plusMillis((long) (base.toMillis() * 0.1 * Math.max(0, Math.min(1, jitter))));
    }

    /** True when a delivery that has failed {@code failedAttempts} times gets another attempt. */
    public boolean retries(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}
