package io.stocksense.cloud.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new (or replaced draft) sales order; {@code location} is where the goods leave from, a line's
 * {@code unitPrice} defaults to the product's sale price and {@code vatRate} to the standard rate.
 */
public record SalesOrderRequest(String customer, String warehouse, String location, String currency, LocalDate orderDate,
                                String note, List<Line> lines) {

    public record Line(String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPct, BigDecimal vatRate) {
    }
}
