package io.stocksense.cloud.reports.api;

import java.time.Instant;

/**
 * One stocktake in {@code GET /api/v1/reports/stocktakes}: where, its status, and how far counting got
 * ({@code lines}, {@code counted} lines, counted lines whose count differs from the expected quantity).
 */
public record StocktakeSummary(long id, String warehouse, String zone, String status, Instant snapshotAt, String createdBy,
                               Instant postedAt, String postedBy, long lines, long counted, long varianceLines) {
}
