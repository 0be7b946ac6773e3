package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.api.StatementReconciliation;
import io.stocksense.cloud.finance.api.StatementReconciliation.Match;
import io.stocksense.cloud.finance.api.StatementReconciliation.TheirLine;
import io.stocksense.cloud.finance.api.StatementView;
import io.stocksense.cloud.finance.domain.Accounts;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Supplier and customer statements, read from the journal lines of the party on payables (suppliers)
 * or receivables (customers), so a statement always agrees with the trial balance; and the
 * reconciliation of a party's own statement against ours. Periods are inclusive business dates; an
 * absent {@code from} starts at the first entry (opening balance zero). Blocking, read-only.
 */
public final class Statements {

    public static final String SUPPLIER = "supplier";
    public static final String CUSTOMER = "customer";

    private final DataSource dataSource;

    public Statements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The statement of {@code kind} ({@link #SUPPLIER} or {@link #CUSTOMER}) {@code code}; empty for an unknown party. */
    public Optional<StatementView> statement(String kind, String code, LocalDate from, LocalDate to) throws SQLException {
        boolean supplier = kind.equals(SUPPLIER);
        String account = supplier ? Accounts.PAYABLES : Accounts.RECEIVABLES;
        // what is owed: payables are credit-normal, receivables debit-normal
        String owed = supplier ? "l.credit - l.debit" : "l.debit - l.credit";
        try (Connection c = dataSource.getConnection()) {
            if (Sql.one(c, "SELECT 1 FROM " + kind + " WHERE code = ?", rs -> 1, code).isEmpty()) {
                return Optional.empty();
            }
            BigDecimal opening = from == null ? new BigDecimal("0.00") : Sql.one(c, "SELECT COALESCE(SUM(" + owed + "), 0)"
                    + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE l.account = ? AND l.party = ?"
                    + " AND e.entry_date < ?", rs -> rs.getBigDecimal(1), account, code, from).orElseThrow();
            List<StatementView.Line> lines = new ArrayList<>();
            BigDecimal[] balance = {opening};
            Sql.list(c, "SELECT e.entry_date, e.doc_type, e.doc_ref, COALESCE(si.supplier_reference, p.reference), l.debit, l.credit,"
                    + " " + owed + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                    + " LEFT JOIN supplier_invoice si ON si.number = e.doc_ref LEFT JOIN payment p ON p.number = e.doc_ref"
                    + " WHERE l.account = ? AND l.party = ? AND (?::date IS NULL OR e.entry_date >= ?)"
                    + " AND (?::date IS NULL OR e.entry_date <= ?) ORDER BY e.entry_date, e.id, l.line_no", rs -> {
                        BigDecimal amount = rs.getBigDecimal(7);
                        balance[0] = balance[0].add(amount);
                        lines.add(new StatementView.Line(Sql.date(rs, "entry_date"), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getBigDecimal(5), rs.getBigDecimal(6), amount, balance[0]));
                        return null;
                    }, account, code, from, from, to, to);
            return Optional.of(new StatementView(code, kind, account, from, to, opening, lines, balance[0]));
        }
    }

    /** Matches the party's own statement lines against our statement of the period; empty for an unknown party. */
    public Optional<StatementReconciliation> reconcile(String kind, String code, LocalDate from, LocalDate to, List<TheirLine> theirs)
            throws SQLException {
        Optional<StatementView> found = statement(kind, code, from, to);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<StatementView.Line> ours = new ArrayList<>(found.get().lines());
        List<Match> matched = new ArrayList<>();
        List<Match> differences = new ArrayList<>();
        List<TheirLine> unmatched = new ArrayList<>();
        for (TheirLine t : theirs) {
            StatementView.Line o = take(ours, l -> t.reference() != null && (t.reference().trim().equalsIgnoreCase(l.document())
                    || (l.reference() != null && t.reference().trim().equalsIgnoreCase(l.reference().trim()))));
            if (o == null) {
                unmatched.add(t);
            } else {
                BigDecimal diff = t.amount().subtract(o.amount());
                (diff.signum() == 0 ? matched : differences).add(new Match(t, o, "reference", diff));
            }
        }
        List<TheirLine> onlyTheirs = new ArrayList<>();
        for (TheirLine t : unmatched) {
            StatementView.Line o = take(ours, l -> l.amount().compareTo(t.amount()) == 0 && l.date().equals(t.date()));
            if (o == null) {
                onlyTheirs.add(t);
            } else {
                matched.add(new Match(t, o, "amount-and-date", BigDecimal.ZERO));
            }
        }
        BigDecimal theirTotal = theirs.stream().map(TheirLine::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
        BigDecimal ourTotal = found.get().lines().stream().map(StatementView.Line::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return Optional.of(new StatementReconciliation(code, kind, from, to, matched, differences, onlyTheirs, ours, theirTotal,
                ourTotal, theirTotal.subtract(ourTotal), differences.isEmpty() && onlyTheirs.isEmpty() && ours.isEmpty()));
    }

    private static StatementView.Line take(List<StatementView.Line> ours, java.util.function.Predicate<StatementView.Line> match) {
        for (int i = 0; i < ours.size(); i++) {
            if (match.test(ours.get(i))) {
                return ours.remove(i);
            }
        }
        return null;
    }
}
