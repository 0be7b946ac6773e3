package io.stocksense.cloud.catalog.api;

import java.math.BigDecimal;

/** A product in {@code GET /api/v1/products}. */
public record ProductView(String sku, String name, String gtin, String unit, BigDecimal unitWeightGrams) {
}
