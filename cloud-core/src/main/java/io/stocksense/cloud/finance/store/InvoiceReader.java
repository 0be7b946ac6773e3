package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.api.InvoiceView;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads customer and supplier invoices with their lines and paid amounts. */
final class InvoiceReader {

    private InvoiceReader() {
    }

    static Optional<InvoiceView> customer(Connection c, long id) throws SQLException {
        List<InvoiceView.Line> lines = Sql.list(c, "SELECT * FROM customer_invoice_line WHERE invoice_id = ? ORDER BY line_no",
                rs -> new InvoiceView.Line(rs.getInt("so_line_no"), rs.getString("sku"), Amounts.plain(rs.getBigDecimal("quantity")),
                        rs.getBigDecimal("unit_price"), Amounts.plain(rs.getBigDecimal("discount_pct")),
                        Amounts.plain(rs.getBigDecimal("vat_rate")), rs.getBigDecimal("net"), rs.getBigDecimal("vat")), id);
        return Sql.one(c, "SELECT i.*, (SELECT COALESCE(SUM(amount), 0) FROM payment_allocation WHERE customer_invoice = i.id)"
                + " AS paid FROM customer_invoice i WHERE id = ?", rs -> {
                    long so = rs.getLong("so_id");
                    Long order = rs.wasNull() ? null : so;
                    BigDecimal gross = rs.getBigDecimal("gross");
                    BigDecimal paid = rs.getBigDecimal("paid");
                    return new InvoiceView(id, rs.getString("number"), rs.getString("kind"), rs.getString("customer"), order, null,
                            Sql.date(rs, "invoice_date"), Sql.date(rs, "due_date"), rs.getString("currency"), rs.getBigDecimal("net"),
                            rs.getBigDecimal("vat"), gross, paid, gross.subtract(paid), lines);
                }, id);
    }

    static Optional<InvoiceView> supplier(Connection c, long id) throws SQLException {
        List<InvoiceView.Line> lines = Sql.list(c, "SELECT * FROM supplier_invoice_line WHERE invoice_id = ? ORDER BY po_line_no",
                rs -> new InvoiceView.Line(rs.getInt("po_line_no"), rs.getString("sku"), Amounts.plain(rs.getBigDecimal("quantity")),
                        rs.getBigDecimal("unit_price"), BigDecimal.ZERO, Amounts.plain(rs.getBigDecimal("vat_rate")),
                        rs.getBigDecimal("net"), rs.getBigDecimal("vat")), id);
        return Sql.one(c, "SELECT i.*, (SELECT COALESCE(SUM(amount), 0) FROM payment_allocation WHERE supplier_invoice = i.id)"
                + " AS paid FROM supplier_invoice i WHERE id = ?", rs -> {
                    BigDecimal gross = rs.getBigDecimal("gross");
                    BigDecimal paid = rs.getBigDecimal("paid");
                    return new InvoiceView(id, rs.getString("number"), rs.getString("kind").equals("invoice") ? "supplier-invoice"
                            : "debit-note", rs.getString("supplier"),
                            rs.getLong("po_id"), rs.getString("supplier_reference"), Sql.date(rs, "invoice_date"),
                            Sql.date(rs, "due_date"), rs.getString("currency"), rs.getBigDecimal("net"), rs.getBigDecimal("vat"),
                            gross, paid, gross.subtract(paid), lines);
                }, id);
    }
}
