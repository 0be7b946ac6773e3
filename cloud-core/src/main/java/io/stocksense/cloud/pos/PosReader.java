package io.stocksense.cloud.pos;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a POS sale and renders its receipt text. */
final class PosReader {

    private PosReader() {
    }

    static Optional<PosSaleView> load(Connection c, long id) throws SQLException {
        List<PosSaleView.Line> lines = Sql.list(c, "SELECT l.*, p.name FROM pos_sale_line l JOIN product p ON p.sku = l.sku"
                + " WHERE sale_id = ? ORDER BY line_no", rs -> new PosSaleView.Line(rs.getInt("line_no"), rs.getString("barcode"),
                rs.getString("sku"), rs.getString("name"), Amounts.plain(rs.getBigDecimal("quantity")), rs.getString("unit"),
                rs.getBigDecimal("unit_price"), Amounts.plain(rs.getBigDecimal("discount_pct")),
                Amounts.plain(rs.getBigDecimal("vat_rate")), rs.getBigDecimal("net"), rs.getBigDecimal("vat"),
                rs.getBigDecimal("cogs")), id);
        List<PosSaleView.Payment> payments = Sql.list(c, "SELECT method, amount FROM pos_payment WHERE sale_id = ?",
                rs -> new PosSaleView.Payment(rs.getString(1), rs.getBigDecimal(2)), id);
        return Sql.one(c, "SELECT * FROM pos_sale WHERE id = ?", rs -> {
            PosSaleView v = new PosSaleView(id, rs.getString("number"), rs.getString("warehouse"), rs.getString("location"),
                    Sql.date(rs, "sale_date"), rs.getString("currency"), lines, rs.getBigDecimal("discount"),
                    rs.getBigDecimal("net"), rs.getBigDecimal("vat"), rs.getBigDecimal("gross"), payments,
                    rs.getBigDecimal("paid"), rs.getBigDecimal("change_given"), rs.getString("cashier"), List.of());
            return new PosSaleView(v.id(), v.number(), v.warehouse(), v.location(), v.date(), v.currency(), v.lines(),
                    v.discount(), v.net(), v.vat(), v.gross(), v.payments(), v.paid(), v.change(), v.cashier(), receipt(v));
        }, id);
    }

    /** The receipt as printed, one string per line (40 columns). */
    static List<String> receipt(PosSaleView v) {
        List<String> out = new ArrayList<>();
        out.add(v.number() + "  " + v.date() + "  " + v.warehouse() + "/" + v.location());
        for (PosSaleView.Line l : v.lines()) {
            out.add(String.format("%-28s%12s", trim(l.name() == null ? l.sku() : l.name()), l.net().toPlainString()));
            out.add(String.format("  %s %s x %s%s", l.quantity().toPlainString(), l.unit(), l.unitPrice().stripTrailingZeros()
                    .toPlainString(), l.discountPct().signum() == 0 ? "" : " -" + l.discountPct().toPlainString() + "%"));
        }
        out.add(String.format("%-28s%12s", "Discount", v.discount().negate().toPlainString()));
        out.add(String.format("%-28s%12s", "Net", v.net().toPlainString()));
        out.add(String.format("%-28s%12s", "VAT", v.vat().toPlainString()));
        out.add(String.format("%-28s%12s", "TOTAL " + v.currency(), v.gross().toPlainString()));
        for (PosSaleView.Payment p : v.payments()) {
            out.add(String.format("%-28s%12s", "  " + p.method(), p.amount().toPlainString()));
        }
        out.add(String.format("%-28s%12s", "Change", v.change().toPlainString()));
        out.add("Served by " + v.cashier());
        return out;
    }

    private static String trim(String s) {
        return s.length() <= 27 ? s : s.substring(0, 27);
    }
}
