package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lot of a product ({@code GET /api/v1/products/{sku}/lots}): its expiry and production dates,
 * {@code onHand} (the sum of its stock levels over every warehouse and location) and, when read one by
 * one, {@code stock}: its levels per warehouse × location.
 */
public record LotView(String sku, String lot, LocalDate expiry, LocalDate productionDate, String note,
                      BigDecimal onHand, String unit, String createdBy, Instant createdAt, List<StockLevelView> stock) {

    public LotView {
        stock = stock == null ? List.of() : List.copyOf(stock);
    }
}
