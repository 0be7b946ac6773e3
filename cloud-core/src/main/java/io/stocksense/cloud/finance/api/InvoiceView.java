package io.stocksense.cloud.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer invoice or credit note (negative amounts), or a supplier invoice: {@code party} is the
 * customer or supplier, {@code open} what is not yet paid (gross − allocated payments).
 */
public record InvoiceView(long id, String number, String kind, String party, Long order, String reference, LocalDate date,
                          LocalDate dueDate, String currency, BigDecimal net, BigDecimal vat, BigDecimal gross,
                          BigDecimal paid, BigDecimal open, List<Line> lines) {

    public record Line(int line, String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPct,
                       BigDecimal vatRate, BigDecimal net, BigDecimal vat) {
    }
}
