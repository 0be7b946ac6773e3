package io.stocksense.cloud.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A new purchase order; {@code location} defaults to the warehouse's dock, {@code orderDate} to today. */
public record PurchaseOrderRequest(String supplier, String warehouse, String location, String currency, LocalDate orderDate,
                                   LocalDate expectedDate, BigDecimal tolerancePct, String note, List<Long> requisitions,
                                   List<Line> lines) {

    public record Line(String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
    }
}
