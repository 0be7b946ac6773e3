package io.stocksense.cloud.web;

import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameter parsing with errors that name the parameter and the expected form. */
public final class Params {

    private Params() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String text(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** An integer in [min, max]; larger values are capped at max, absent gives {@code dflt}. */
    public static int limit(RoutingContext ctx, String name, int dflt, int max) {
        String v = text(ctx, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new BadParameterException(name + " must be a positive integer (at most " + max + "), was '" + v + "'");
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + " must be a positive integer (at most " + max + "), was '" + v + "'");
        }
    }

    /** An ISO-8601 instant such as {@code 2026-01-01T00:00:00Z}, or null when absent. */
    public static Instant instant(RoutingContext ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, was '" + v + "'");
        }
    }
}
