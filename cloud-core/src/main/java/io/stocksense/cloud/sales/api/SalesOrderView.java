package io.stocksense.cloud.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sales order; amounts in {@code currency} (cents), quantities in each line's unit. */
public record SalesOrderView(long id, String number, String customer, String warehouse, String location, String currency,
                             String status, LocalDate orderDate, BigDecimal netTotal, BigDecimal vatTotal,
                             BigDecimal grossTotal, String note, String createdBy, String confirmedBy, Instant confirmedAt,
                             List<Line> lines) {

    public record Line(int line, String sku, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal discountPct,
                       BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal reserved, BigDecimal shipped,
                       BigDecimal returned, BigDecimal invoiced) {
    }
}
