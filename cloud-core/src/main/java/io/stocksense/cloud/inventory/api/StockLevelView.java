package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stock level in {@code GET /api/v1/stock}; {@code lot} is null when the goods have none, {@code expiry}
 * is the lot's expiry date when the lot is registered with one ({@code POST /api/v1/products/{sku}/lots}).
 */
public record StockLevelView(String sku, String warehouse, String location, String lot, BigDecimal quantity, String unit,
                             LocalDate expiry) {

    /** A level whose lot expiry is not (yet) known: ledger postings and snapshots do not read lots. */
    public StockLevelView(String sku, String warehouse, String location, String lot, BigDecimal quantity, String unit) {
        this(sku, warehouse, location, lot, quantity, unit, null);
    }

    public StockLevelView withExpiry(LocalDate date) {
        return new StockLevelView(sku, warehouse, location, lot, quantity, unit, date);
    }
}
