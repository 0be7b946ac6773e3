package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;

/**
 * {@code POST /api/v1/adjustments} (signed quantity) and {@code POST /api/v1/scrap} (positive quantity
 * written off). {@code lot} and {@code unit} are optional; a given unit must be the product's.
 */
public record StockChangeRequest(String sku, String warehouse, String location, String lot, BigDecimal quantity,
                                 String unit, String reason) {
}
