package io.stocksense.cloud.sales.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.store.StockPoster;
import io.stocksense.cloud.sales.api.PickListView;
import io.stocksense.cloud.sales.api.SalesOrderView;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stock reservations of sales order lines, on the caller's transaction.
 *
 * <p>Why two orders racing for the last units cannot both get them: {@link #reserve} first takes the
 * row lock of every stock level it reserves from ({@link StockPoster#lock}, keys in their global
 * order), then reads the sum of the key's reservations and checks {@code available = on hand −
 * reserved} before inserting its own. A second confirmation of the same key waits on that lock until
 * the first commits, and then sees the first's reservation. Postings (device or manual) take the same
 * lock, so the quantity checked cannot change underneath.
 */
final class Reservations {

    private Reservations() {
    }

    static void reserve(Connection c, SalesOrderView so) throws SQLException {
        Map<StockKey, BigDecimal> need = new TreeMap<>();
        Map<StockKey, String> units = new TreeMap<>();
        for (SalesOrderView.Line l : so.lines()) {
            StockKey k = new StockKey(l.sku(), so.warehouse(), so.location(), "");
            need.merge(k, l.quantity(), BigDecimal::add);
            units.put(k, l.unit());
        }
        Map<StockKey, BigDecimal> onHand = StockPoster.lock(c, units);
        for (Map.Entry<StockKey, BigDecimal> e : need.entrySet()) {
            StockKey k = e.getKey();
            BigDecimal reserved = reservedAt(c, k);
            BigDecimal available = onHand.get(k).subtract(reserved);
            if (e.getValue().compareTo(available) > 0) {
                throw DocumentConflicts.conflict("insufficient-stock", "Insufficient stock", "cannot reserve "
                        + Amounts.plain(e.getValue()) + " " + units.get(k) + " of " + k.describe() + " for " + so.number()
                        + ": only " + Amounts.plain(available.max(BigDecimal.ZERO)) + " available (on hand "
                        + Amounts.plain(onHand.get(k)) + ", reserved by other orders " + Amounts.plain(reserved) + ")",
                        Map.of("sku", k.sku(), "warehouse", k.warehouse(), "location", k.location(),
                                "requested", Amounts.plain(e.getValue()), "available", Amounts.plain(available.max(BigDecimal.ZERO)),
                                "onHand", Amounts.plain(onHand.get(k)), "reserved", Amounts.plain(reserved)));
            }
        }
        for (SalesOrderView.Line l : so.lines()) {
            Sql.update(c, "INSERT INTO stock_reservation (so_id, line_no, sku, warehouse, location, quantity)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", so.id(), l.line(), l.sku(), so.warehouse(), so.location(), l.quantity());
        }
    }

    /** Moves every reserved, unshipped quantity to {@code location} (picking to a staging area or dock). */
    static void moveTo(Connection c, SalesOrderView so, String location, String user) throws SQLException {
        List<StockOperation.Line> lines = new ArrayList<>();
        for (PickListView.Pick p : picks(c, so)) {
            if (!p.location().equals(location) && p.quantity().signum() > 0) {
                lines.add(new StockOperation.Line(new StockKey(p.sku(), so.warehouse(), p.location(), p.lot()),
                        p.quantity().negate(), p.unit(), "PICK_OUT"));
                lines.add(new StockOperation.Line(new StockKey(p.sku(), so.warehouse(), location, p.lot()), p.quantity(),
                        p.unit(), "PICK_IN"));
            }
        }
        if (!lines.isEmpty()) {
            new StockPoster().post(c, new StockOperation("pick", "sales-order:" + so.id(), so.number(), user, lines));
            Sql.update(c, "UPDATE stock_reservation SET location = ? WHERE so_id = ? AND quantity > 0", location, so.id());
        }
    }

    static List<PickListView.Pick> picks(Connection c, SalesOrderView so) throws SQLException {
        Map<Integer, String> units = new LinkedHashMap<>();
        so.lines().forEach(l -> units.put(l.line(), l.unit()));
        return Sql.list(c, "SELECT line_no, sku, location, lot, quantity FROM stock_reservation WHERE so_id = ? AND quantity > 0"
                + " ORDER BY line_no", rs -> new PickListView.Pick(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4), Amounts.plain(rs.getBigDecimal(5)), units.get(rs.getInt(1))), so.id());
    }

    /** The reservation of one order line (its key and quantity), locked, or null. */
    static PickListView.Pick reservation(Connection c, long soId, int line) throws SQLException {
        return Sql.one(c, "SELECT line_no, sku, location, lot, quantity FROM stock_reservation WHERE so_id = ? AND line_no = ?"
                + " FOR UPDATE", rs -> new PickListView.Pick(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), null), soId, line).orElse(null);
    }

    static void consume(Connection c, long soId, int line, BigDecimal quantity) throws SQLException {
        Sql.update(c, "UPDATE stock_reservation SET quantity = GREATEST(quantity - ?, 0) WHERE so_id = ? AND line_no = ?",
                quantity, soId, line);
    }

    private static BigDecimal reservedAt(Connection c, StockKey k) throws SQLException {
        return Sql.one(c, "SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation WHERE sku = ? AND warehouse = ?"
                + " AND location = ? AND lot = ?", rs -> rs.getBigDecimal(1), k.sku(), k.warehouse(), k.location(), k.lot())
                .orElseThrow();
    }
}
