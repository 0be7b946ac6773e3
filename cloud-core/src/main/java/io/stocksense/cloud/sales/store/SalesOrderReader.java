package io.stocksense.cloud.sales.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.sales.api.SalesOrderView;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads a sales order with its lines on the caller's connection, optionally locking the order row first. */
public final class SalesOrderReader {

    private SalesOrderReader() {
    }

    public static Optional<SalesOrderView> load(Connection c, long id, boolean forUpdate) throws SQLException {
        Optional<SalesOrderView> so = Sql.one(c, "SELECT * FROM sales_order WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                rs -> new SalesOrderView(rs.getLong("id"), rs.getString("number"), rs.getString("customer"),
                        rs.getString("warehouse"), rs.getString("location"), rs.getString("currency"), rs.getString("status"),
                        Sql.date(rs, "order_date"), rs.getBigDecimal("net_total"), rs.getBigDecimal("vat_total"),
                        rs.getBigDecimal("gross_total"), rs.getString("note"), rs.getString("created_by"),
                        rs.getString("confirmed_by"), Sql.instant(rs, "confirmed_at"), List.of()), id);
        if (so.isEmpty()) {
            return so;
        }
        List<SalesOrderView.Line> lines = Sql.list(c, "SELECT l.*, COALESCE(r.quantity, 0) AS reserved FROM sales_order_line l"
                + " LEFT JOIN stock_reservation r ON r.so_id = l.so_id AND r.line_no = l.line_no WHERE l.so_id = ?"
                + " ORDER BY l.line_no", rs -> new SalesOrderView.Line(rs.getInt("line_no"), rs.getString("sku"),
                Amounts.plain(rs.getBigDecimal("quantity")), rs.getString("unit"), rs.getBigDecimal("unit_price"),
                Amounts.plain(rs.getBigDecimal("discount_pct")), Amounts.plain(rs.getBigDecimal("vat_rate")),
                rs.getBigDecimal("net"), rs.getBigDecimal("vat"), Amounts.plain(rs.getBigDecimal("reserved")),
                Amounts.plain(rs.getBigDecimal("shipped")), Amounts.plain(rs.getBigDecimal("returned")),
                Amounts.plain(rs.getBigDecimal("invoiced"))), id);
        SalesOrderView v = so.get();
        return Optional.of(new SalesOrderView(v.id(), v.number(), v.customer(), v.warehouse(), v.location(), v.currency(),
                v.status(), v.orderDate(), v.netTotal(), v.vatTotal(), v.grossTotal(), v.note(), v.createdBy(),
                v.confirmedBy(), v.confirmedAt(), lines));
    }

    public static void requireStatus(SalesOrderView so, String action, String... allowed) {
        if (!List.of(allowed).contains(so.status())) {
            throw DocumentConflicts.wrongStatus("sales order " + so.number(), so.status(), action, String.join(" or ", allowed));
        }
    }

    public static SalesOrderView.Line line(SalesOrderView so, int no) {
        return so.lines().stream().filter(l -> l.line() == no).findFirst().orElseThrow(() -> StockRequestChecks.invalid(
                "sales order " + so.number() + " has no line " + no + " (lines 1.." + so.lines().size() + ")"));
    }

    public static void setStatus(Connection c, long id, String status) throws SQLException {
        Sql.update(c, "UPDATE sales_order SET status = ? WHERE id = ?", status, id);
    }
}
