package io.stocksense.cloud.telemetry.api;

import java.time.Instant;

/** One time bucket of a zone's metric in {@code GET /api/v1/telemetry/series}: its start, min, mean, max and count. */
public record SeriesPoint(Instant time, double min, double mean, double max, long count) {
}
