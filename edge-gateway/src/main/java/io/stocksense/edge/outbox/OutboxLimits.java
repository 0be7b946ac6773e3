package io.stocksense.edge.outbox;

import java.util.Map;

/**
 * How much the outbox may hold while the cloud is unreachable, and how it makes room.
 *
 * @param maxRows      events held at most
 * @param maxBytes     bytes of event payload (JSON) held at most; the SQLite file is somewhat larger
 *                     (indexes, pages) and does not shrink, it reuses freed pages
 * @param thinKeepEvery when full, of the oldest unsent telemetry points of each device and metric
 *                     only every k-th is kept (k ≥ 2); movements and device events are never thinned
 */
public record OutboxLimits(long maxRows, long maxBytes, int thinKeepEvery) {

    public static final OutboxLimits DEFAULT = new OutboxLimits(2_000_000, 1L << 30, 2);

    public OutboxLimits {
        if (maxRows < 10) {
            throw new IllegalArgumentException("outbox max rows (STOCKSENSE_OUTBOX_MAX_ROWS) must be at least 10, was " + maxRows);
        }
        if (maxBytes < 10_000) {
            throw new IllegalArgumentException("outbox max bytes (STOCKSENSE_OUTBOX_MAX_BYTES) must be at least 10000, was " + maxBytes);
        }
        if (thinKeepEvery < 2) {
            throw new IllegalArgumentException("outbox thinning keep-every (STOCKSENSE_OUTBOX_THIN_KEEP_EVERY) must be at least 2, was "
                    + thinKeepEvery);
        }
    }

    /**
     * From {@code STOCKSENSE_OUTBOX_MAX_ROWS} (default 2,000,000), {@code STOCKSENSE_OUTBOX_MAX_BYTES}
     * (default 1 GiB) and {@code STOCKSENSE_OUTBOX_THIN_KEEP_EVERY} (default 2).
     */
    public static OutboxLimits fromEnv(Map<String, String> env) {
        return new OutboxLimits(number(env, "STOCKSENSE_OUTBOX_MAX_ROWS", DEFAULT.maxRows),
                number(env, "STOCKSENSE_OUTBOX_MAX_BYTES", DEFAULT.maxBytes),
                (int) number(env, "STOCKSENSE_OUTBOX_THIN_KEEP_EVERY", DEFAULT.thinKeepEvery));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }
}
