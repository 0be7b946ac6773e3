package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentNumbers;
import io.stocksense.cloud.documents.MasterDataChecks;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.api.PaymentView;
import io.stocksense.cloud.finance.domain.Accounts;
import io.stocksense.cloud.finance.domain.JournalEntry;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Receipts from customers ({@code in}: Dr cash/bank/card / Cr Receivables) and payments to suppliers
 * ({@code out}: Dr Payables / Cr cash/bank), allocated to the party's open invoices: the ones named,
 * or else oldest due first. More than the open invoices is refused (409 {@code overpayment}). The
 * invoice rows are locked, so two payments never settle the same amount twice. Blocking.
 */
public final class PaymentStore {

    private final DataSource dataSource;
    private final Transactions tx;

    public PaymentStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    private record Open(long id, String number, BigDecimal open) {
    }

    public PaymentView record(String direction, String party, String method, BigDecimal amount, String currency, LocalDate date,
                              String reference, List<String> invoices, String user) throws SQLException {
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw StockRequestChecks.invalid("amount must be positive with at most 2 decimals, was " + amount.toPlainString());
        }
        String account = Accounts.forMethod(method);
        boolean in = direction.equals("in");
        return tx.run(c -> {
            if (in) {
                MasterDataChecks.customer(c, party);
            } else {
                MasterDataChecks.supplier(c, party);
            }
            String table = in ? "customer_invoice" : "supplier_invoice";
            String column = in ? "customer" : "supplier";
            List<Open> open = Sql.list(c, "SELECT i.id, i.number, i.gross - COALESCE((SELECT SUM(amount) FROM payment_allocation a"
                    + " WHERE a." + table + " = i.id), 0) FROM " + table + " i WHERE i." + column + " = ? AND i.gross > 0"
                    + (in ? " AND i.kind = 'invoice'" : "") + " ORDER BY i.due_date, i.id FOR UPDATE",
                    rs -> new Open(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)), party);
            if (!invoices.isEmpty()) {
                open.removeIf(o -> !invoices.contains(o.number()));
                open.sort(java.util.Comparator.comparingInt(o -> invoices.indexOf(o.number())));
            }
            LocalDate day = date == null ? LocalDate.now() : date;
            String number = DocumentNumbers.next(c, in ? "RCPT" : "PAY");
            long id = Sql.insert(c, "INSERT INTO payment (number, direction, party, method, amount, currency, payment_date,"
                    + " reference, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", number, direction, party, method,
                    amount, currency, day, reference, user);
            BigDecimal left = amount;
            List<PaymentView.Allocation> allocations = new ArrayList<>();
            for (Open o : open) {
                BigDecimal take = left.min(o.open());
                if (take.signum() > 0) {
                    Sql.update(c, "INSERT INTO payment_allocation (payment_id, " + table + ", amount) VALUES (?, ?, ?)", id, o.id(), take);
                    allocations.add(new PaymentView.Allocation(o.number(), take));
                    left = left.subtract(take);
                }
            }
            if (left.signum() > 0) {
                throw DocumentConflicts.conflict("overpayment", "More than is owed", (in ? "customer " : "supplier ") + party
                        + " has open invoices" + (invoices.isEmpty() ? "" : " " + invoices) + " of " + amount.subtract(left)
                        .toPlainString() + " " + currency + " only; " + left.toPlainString() + " would be unallocated",
                        Map.of("unallocated", left));
            }
            JournalEntry e = new JournalEntry(day, in ? "customer-payment" : "supplier-payment", number, reference);
            if (in) {
                e.debit(account, amount, null).credit(Accounts.RECEIVABLES, amount, party);
            } else {
                e.debit(Accounts.PAYABLES, amount, party).credit(account, amount, null);
            }
            Journal.post(c, e);
            return new PaymentView(id, number, direction, party, method, amount, currency, day, reference, allocations);
        });
    }

    public List<PaymentView> list(String party, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT p.*, (SELECT string_agg(COALESCE(ci.number, si.number) || '=' || a.amount, ',')"
                    + " FROM payment_allocation a LEFT JOIN customer_invoice ci ON ci.id = a.customer_invoice"
                    + " LEFT JOIN supplier_invoice si ON si.id = a.supplier_invoice WHERE a.payment_id = p.id) AS alloc"
                    + " FROM payment p WHERE (?::text IS NULL OR party = ?) ORDER BY id DESC LIMIT ?", rs -> {
                        List<PaymentView.Allocation> a = new ArrayList<>();
                        String alloc = rs.getString("alloc");
                        if (alloc != null) {
                            for (String s : alloc.split(",")) {
                                String[] kv = s.split("=");
                                a.add(new PaymentView.Allocation(kv[0], new BigDecimal(kv[1])));
                            }
                        }
                        return new PaymentView(rs.getLong("id"), rs.getString("number"), rs.getString("direction"),
                                rs.getString("party"), rs.getString("method"), rs.getBigDecimal("amount"), rs.getString("currency"),
                                Sql.date(rs, "payment_date"), rs.getString("reference"), a);
                    }, party, party, limit);
        }
    }
}
