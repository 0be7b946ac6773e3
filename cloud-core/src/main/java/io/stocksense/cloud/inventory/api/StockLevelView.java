package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;

/** A stock level in {@code GET /api/v1/stock}; {@code lot} is null when the goods have none. */
public record StockLevelView(String sku, String warehouse, String location, String lot, BigDecimal quantity, String unit) {
}
