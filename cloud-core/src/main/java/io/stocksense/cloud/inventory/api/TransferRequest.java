package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;

/**
 * {@code POST /api/v1/transfers}: a positive quantity of one SKU (and lot) from a location of one
 * warehouse to a location of another. {@code ship} false keeps it a draft.
 */
public record TransferRequest(String sku, String lot, BigDecimal quantity, String unit, String fromWarehouse,
                              String fromLocation, String toWarehouse, String toLocation, String note, boolean ship) {
}
