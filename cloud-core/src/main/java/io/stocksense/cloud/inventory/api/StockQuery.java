package io.stocksense.cloud.inventory.api;

import java.time.Instant;

/** Filters of the stock and movement queries; null means "any". */
public final class StockQuery {

    private StockQuery() {
    }

    /** {@code GET /api/v1/stock} filters. */
    public record Levels(String sku, String warehouse, String location) {
    }

    /** {@code GET /api/v1/movements} filters; {@code limit} is already within bounds. */
    public record Movements(String sku, Instant since, int limit) {
    }
}
