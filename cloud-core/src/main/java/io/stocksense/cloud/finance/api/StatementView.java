package io.stocksense.cloud.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A party's account statement for a period, read from the journal: a supplier's payables or a
 * customer's receivables. {@code balance} is what is owed (to the supplier, or by the customer), so
 * invoices raise it and payments, debit notes and credit notes lower it.
 */
public record StatementView(String party, String kind, String account, LocalDate from, LocalDate to, BigDecimal openingBalance,
                            List<Line> lines, BigDecimal closingBalance) {

    /**
     * One document: {@code type} is its journal document type ({@code supplier-invoice}, {@code debit-note},
     * {@code supplier-payment}, {@code invoice}, {@code credit-note}, {@code customer-payment}),
     * {@code reference} the supplier's invoice reference or the payment's reference, {@code amount} the
     * signed change of the balance.
     */
    public record Line(LocalDate date, String type, String document, String reference, BigDecimal debit, BigDecimal credit,
                       BigDecimal amount, BigDecimal balance) {
    }
}
