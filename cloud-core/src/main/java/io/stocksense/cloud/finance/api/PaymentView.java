package io.stocksense.cloud.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Money received from a customer ({@code in}) or paid to a supplier ({@code out}), and the invoices it settles. */
public record PaymentView(long id, String number, String direction, String party, String method, BigDecimal amount,
                          String currency, LocalDate date, String reference, List<Allocation> allocations) {

    public record Allocation(String invoice, BigDecimal amount) {
    }
}
