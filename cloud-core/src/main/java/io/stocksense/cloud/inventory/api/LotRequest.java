package io.stocksense.cloud.inventory.api;

import java.time.LocalDate;

/**
 * {@code POST /api/v1/products/{sku}/lots}: a lot code, its expiry date (required when the product
 * tracks expiry) and optionally its production date and a note.
 */
public record LotRequest(String lot, LocalDate expiry, LocalDate productionDate, String note) {
}
