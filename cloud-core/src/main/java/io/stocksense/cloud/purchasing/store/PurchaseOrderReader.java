package io.stocksense.cloud.purchasing.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.purchasing.api.PurchaseOrderView;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads a purchase order with its lines on the caller's connection, optionally locking the order row. */
final class PurchaseOrderReader {

    interface ApprovalRule {
        boolean needsApproval(Connection c, String currency, BigDecimal total) throws SQLException;
    }

    private PurchaseOrderReader() {
    }

    static Optional<PurchaseOrderView> load(Connection c, long id, boolean forUpdate, ApprovalRule rule) throws SQLException {
        Optional<PurchaseOrderView> po = Sql.one(c, "SELECT * FROM purchase_order WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                rs -> new PurchaseOrderView(rs.getLong("id"), rs.getString("number"), rs.getString("supplier"),
                        rs.getString("warehouse"), rs.getString("location"), rs.getString("currency"), rs.getString("status"),
                        Sql.date(rs, "order_date"), Sql.date(rs, "expected_date"), Amounts.plain(rs.getBigDecimal("tolerance_pct")),
                        rs.getBigDecimal("net_total"), false, rs.getString("approved_by"), Sql.instant(rs, "approved_at"),
                        rs.getString("sent_by"), Sql.instant(rs, "sent_at"), rs.getString("created_by"), rs.getString("note"),
                        List.of()), id);
        if (po.isEmpty()) {
            return po;
        }
        List<PurchaseOrderView.Line> lines = Sql.list(c, "SELECT line_no, sku, quantity, unit, unit_price, vat_rate, received,"
                + " returned, invoiced FROM purchase_order_line WHERE po_id = ? ORDER BY line_no", rs -> {
                    BigDecimal q = rs.getBigDecimal("quantity");
                    BigDecimal received = rs.getBigDecimal("received");
                    return new PurchaseOrderView.Line(rs.getInt("line_no"), rs.getString("sku"), Amounts.plain(q),
                            rs.getString("unit"), rs.getBigDecimal("unit_price"), Amounts.plain(rs.getBigDecimal("vat_rate")),
                            Amounts.plain(received), Amounts.plain(rs.getBigDecimal("returned")),
                            Amounts.plain(rs.getBigDecimal("invoiced")), Amounts.plain(q.subtract(received).max(BigDecimal.ZERO)));
                }, id);
        PurchaseOrderView v = po.get();
        boolean needs = rule.needsApproval(c, v.currency(), v.netTotal());
        return Optional.of(new PurchaseOrderView(v.id(), v.number(), v.supplier(), v.warehouse(), v.location(), v.currency(),
                v.status(), v.orderDate(), v.expectedDate(), v.tolerancePct(), v.netTotal(), needs, v.approvedBy(),
                v.approvedAt(), v.sentBy(), v.sentAt(), v.createdBy(), v.note(), lines));
    }
}
