package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Sql;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports read from the journal and the documents: trial balance, profit and loss, balance summary,
 * AR/AP ageing and gross profit per sale line. Periods are inclusive business dates ({@code from},
 * {@code to}); an absent bound is open. Blocking; each report reads in one statement or one
 * connection.
 */
public final class FinanceReports {

    public record AccountTotal(String account, String name, String kind, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
    }

    public record TrialBalance(LocalDate from, LocalDate to, List<AccountTotal> accounts, BigDecimal totalDebit,
                               BigDecimal totalCredit, boolean balanced) {
    }

    public record ProfitAndLoss(LocalDate from, LocalDate to, BigDecimal revenue, BigDecimal costOfGoodsSold,
                                BigDecimal priceVariance, BigDecimal grossProfit, BigDecimal netIncome, List<AccountTotal> accounts) {
    }

    public record BalanceSummary(LocalDate asOf, BigDecimal assets, BigDecimal liabilities, BigDecimal equity,
                                 BigDecimal earnings, boolean balanced, List<AccountTotal> accounts) {
    }

    public record AgeingRow(String party, BigDecimal current, BigDecimal days1to30, BigDecimal days31to60,
                            BigDecimal days61to90, BigDecimal over90, BigDecimal total) {
    }

    public record Ageing(LocalDate asOf, String kind, List<AgeingRow> parties, AgeingRow total) {
    }

    public record GrossProfitLine(String document, int line, String sku, BigDecimal quantity, BigDecimal revenue,
                                  BigDecimal costOfGoodsSold, BigDecimal grossProfit) {
    }

    private final DataSource dataSource;

    public FinanceReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TrialBalance trialBalance(LocalDate from, LocalDate to) throws SQLException {
        List<AccountTotal> rows = totals(from, to);
        BigDecimal d = rows.stream().map(AccountTotal::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal c = rows.stream().map(AccountTotal::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TrialBalance(from, to, rows, d, c, d.compareTo(c) == 0);
    }

    public ProfitAndLoss profitAndLoss(LocalDate from, LocalDate to) throws SQLException {
        List<AccountTotal> rows = totals(from, to).stream().filter(a -> a.kind().equals("revenue") || a.kind().equals("expense")).toList();
        BigDecimal revenue = sum(rows, "revenue");
        BigDecimal expenses = sum(rows, "expense");
        BigDecimal cogs = balanceOf(rows, "5000");
        BigDecimal ppv = balanceOf(rows, "5100");
        return new ProfitAndLoss(from, to, revenue, cogs, ppv, revenue.subtract(cogs).subtract(ppv), revenue.subtract(expenses), rows);
    }

    public BalanceSummary balanceSummary(LocalDate asOf) throws SQLException {
        List<AccountTotal> rows = totals(null, asOf);
        BigDecimal earnings = sum(rows, "revenue").subtract(sum(rows, "expense"));
        BigDecimal assets = sum(rows, "asset");
        BigDecimal liabilities = sum(rows, "liability");
        BigDecimal equity = sum(rows, "equity").add(earnings);
        return new BalanceSummary(asOf, assets, liabilities, equity, earnings, assets.compareTo(liabilities.add(equity)) == 0,
                rows.stream().filter(a -> !a.kind().equals("revenue") && !a.kind().equals("expense")).toList());
    }

    /** Open invoice amounts (gross − payments dated up to asOf) by days past due at {@code asOf}. */
    public Ageing ageing(boolean receivables, LocalDate asOf) throws SQLException {
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        String table = receivables ? "customer_invoice" : "supplier_invoice";
        String party = receivables ? "customer" : "supplier";
        Map<String, BigDecimal[]> byParty = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            Sql.list(c, "SELECT i." + party + ", i.due_date, i.gross - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a"
                    + " JOIN payment p ON p.id = a.payment_id WHERE a." + table + " = i.id AND p.payment_date <= ?), 0)"
                    + " FROM " + table + " i WHERE i.invoice_date <= ? ORDER BY i." + party + ", i.due_date", rs -> {
                        BigDecimal open = rs.getBigDecimal(3);
                        if (open.signum() != 0) {
                            long late = ChronoUnit.DAYS.between(Sql.date(rs, "due_date"), day);
                            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
                            BigDecimal[] b = byParty.computeIfAbsent(rs.getString(1), k -> zeros());
                            b[bucket] = b[bucket].add(open);
                        }
                        return null;
                    }, day, day);
        }
        List<AgeingRow> rows = new ArrayList<>();
        BigDecimal[] total = zeros();
        byParty.forEach((p, b) -> {
            rows.add(row(p, b));
            for (int i = 0; i < 5; i++) {
                total[i] = total[i].add(b[i]);
            }
        });
        return new Ageing(day, receivables ? "receivables" : "payables", rows, row("total", total));
    }

    /** Per sales order line (invoiced revenue less credit notes, cost of goods less returns) and POS line: gross profit. */
    public List<GrossProfitLine> grossProfit(LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT o.number, l.line_no, l.sku, l.shipped - l.returned,"
                    + " COALESCE((SELECT SUM(il.net) FROM customer_invoice_line il JOIN customer_invoice i ON i.id = il.invoice_id"
                    + "   WHERE i.so_id = o.id AND il.so_line_no = l.line_no), 0),"
                    + " COALESCE((SELECT SUM(sl.cogs) FROM shipment_line sl JOIN shipment s ON s.id = sl.shipment_id"
                    + "   WHERE s.so_id = o.id AND sl.so_line_no = l.line_no), 0)"
                    + " - COALESCE((SELECT SUM(rl.cost) FROM sales_return_line rl JOIN sales_return r ON r.id = rl.return_id"
                    + "   WHERE r.so_id = o.id AND rl.so_line_no = l.line_no), 0)"
                    + " FROM sales_order o JOIN sales_order_line l ON l.so_id = o.id WHERE l.shipped > 0"
                    + " AND (?::date IS NULL OR o.order_date >= ?) AND (?::date IS NULL OR o.order_date <= ?)"
                    + " UNION ALL SELECT s.number, pl.line_no, pl.sku, pl.quantity, pl.net, pl.cogs FROM pos_sale s"
                    + " JOIN pos_sale_line pl ON pl.sale_id = s.id WHERE (?::date IS NULL OR s.sale_date >= ?)"
                    + " AND (?::date IS NULL OR s.sale_date <= ?) ORDER BY 1, 2",
                    rs -> new GrossProfitLine(rs.getString(1), rs.getInt(2), rs.getString(3),
                            io.stocksense.cloud.documents.Amounts.plain(rs.getBigDecimal(4)), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(5).subtract(rs.getBigDecimal(6))),
                    from, from, to, to, from, from, to, to);
        }
    }

    private List<AccountTotal> totals(LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT a.code, a.name, a.kind, COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0)"
                    + " FROM account a JOIN journal_line l ON l.account = a.code JOIN journal_entry e ON e.id = l.entry_id"
                    + " WHERE (?::date IS NULL OR e.entry_date >= ?) AND (?::date IS NULL OR e.entry_date <= ?)"
                    + " GROUP BY a.code, a.name, a.kind ORDER BY a.code", rs -> {
                        String kind = rs.getString(3);
                        BigDecimal d = rs.getBigDecimal(4);
                        BigDecimal cr = rs.getBigDecimal(5);
                        boolean debitNormal = kind.equals("asset") || kind.equals("expense");
                        return new AccountTotal(rs.getString(1), rs.getString(2), kind, d, cr, debitNormal ? d.subtract(cr) : cr.subtract(d));
                    }, from, from, to, to);
        }
    }

    private static BigDecimal sum(List<AccountTotal> rows, String kind) {
        return rows.stream().filter(a -> a.kind().equals(kind)).map(AccountTotal::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal balanceOf(List<AccountTotal> rows, String account) {
        return rows.stream().filter(a -> a.account().equals(account)).map(AccountTotal::balance).findFirst().orElse(BigDecimal.ZERO);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static AgeingRow row(String party, BigDecimal[] b) {
        return new AgeingRow(party, b[0], b[1], b[2], b[3], b[4], b[0].add(b[1]).add(b[2]).add(b[3]).add(b[4]));
    }
}
