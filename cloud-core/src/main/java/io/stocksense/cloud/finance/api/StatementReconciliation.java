package io.stocksense.cloud.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A party's own statement lines matched against our statement of the same period. Amounts are signed
 * as on a statement of what is owed: invoices positive, payments and credits negative. A line is
 * {@code matched} by reference (our document number, or the supplier's invoice or the payment's
 * reference) with the same amount, or by the same amount on the same date; by reference with another
 * amount it is an {@code amountDifference}; the rest is {@code onlyTheirs} or {@code onlyOurs}.
 */
public record StatementReconciliation(String party, String kind, LocalDate from, LocalDate to, List<Match> matched,
                                      List<Match> amountDifferences, List<TheirLine> onlyTheirs, List<StatementView.Line> onlyOurs,
                                      BigDecimal theirTotal, BigDecimal ourTotal, BigDecimal difference, boolean reconciled) {

    /** A line of the party's statement: their reference, date and signed amount. */
    public record TheirLine(String reference, LocalDate date, BigDecimal amount) {
    }

    /** Their line and ours; {@code by} is {@code reference} or {@code amount-and-date}; {@code difference} = theirs − ours. */
    public record Match(TheirLine theirs, StatementView.Line ours, String by, BigDecimal difference) {
    }
}
