package io.stocksense.cloud.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A double-entry journal entry being built by a document: each line debits or credits one account
 * (optionally for a party, a customer or supplier code). A negative debit is written as a credit and
 * vice versa; zero amounts are left out. {@link #balanced()} must hold before it is posted.
 */
public final class JournalEntry {

    public record Line(String account, BigDecimal debit, BigDecimal credit, String party) {
    }

    private final LocalDate date;
    private final String docType;
    private final String docRef;
    private final String memo;
    private final List<Line> lines = new ArrayList<>();

    public JournalEntry(LocalDate date, String docType, String docRef, String memo) {
        this.date = Objects.requireNonNull(date, "date");
        this.docType = Objects.requireNonNull(docType, "docType");
        this.docRef = Objects.requireNonNull(docRef, "docRef");
        this.memo = memo;
    }

    public JournalEntry debit(String account, BigDecimal amount, String party) {
        if (amount.signum() > 0) {
            lines.add(new Line(account, amount, BigDecimal.ZERO, party));
        } else if (amount.signum() < 0) {
            lines.add(new Line(account, BigDecimal.ZERO, amount.negate(), party));
        }
        return this;
    }

    public JournalEntry credit(String account, BigDecimal amount, String party) {
        return debit(account, amount.negate(), party);
    }

    public BigDecimal debits() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal credits() {
        return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean balanced() {
        return debits().compareTo(credits()) == 0;
    }

    public LocalDate date() {
        return date;
    }

    public String docType() {
        return docType;
    }

    public String docRef() {
        return docRef;
    }

    public String memo() {
        return memo;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }
}
