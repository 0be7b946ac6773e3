package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.MovementView;
import io.stocksense.cloud.inventory.domain.StockConflictException;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.domain.StockScope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Posts a manual {@link StockOperation} on the caller's connection, inside the caller's transaction
 * (READ COMMITTED), refusing it when it would take a key below zero that may not go there.
 *
 * <p>Why this is exact under concurrency: for every key it touches, in {@link StockKey} order, it
 * first makes sure the level row exists ({@code INSERT ... ON CONFLICT DO NOTHING}; if another
 * transaction is inserting the same key, this waits on the unique index until that one commits or
 * rolls back), then takes the row lock with {@code SELECT ... FOR UPDATE}. Under READ COMMITTED a
 * {@code FOR UPDATE} that had to wait re-reads the newest committed version of the row, so the
 * quantity checked is the one no other transaction can change until we commit: the check and the
 * update are one critical section per key, serialized by PostgreSQL. Device postings take the same
 * row lock through their upsert. Locking keys in one global order means two operations that share
 * keys (a move A→B racing a move B→A) queue instead of deadlocking. A row created here and then
 * refused is rolled back with the rest of the transaction. Last, the stock conditions (low stock,
 * overstock, expiring lots) of the SKU × warehouse scopes it touched are re-evaluated in the same
 * transaction ({@link AlertStore}). An adjustment, scrap or move may not take a key below what open
 * sales orders have reserved of it ({@code available = on hand − reserved}, read under the same row
 * lock that reservations take, so a confirmation and a manual operation cannot both have the last
 * units); the 409 names the reserved quantity. Serialized items a line names must be where it takes them from, and
 * follow it ({@link ItemMoves}).
 */
public final class StockPoster {

    private static final String ENSURE_LEVEL = "INSERT INTO stock_level (sku, warehouse, location, lot, quantity, unit)"
            + " VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (sku, warehouse, location, lot) DO NOTHING";
    private static final String LOCK_LEVEL = "SELECT quantity FROM stock_level WHERE sku = ? AND warehouse = ?"
            + " AND location = ? AND lot = ? FOR UPDATE";
    private static final String MAY_GO_NEGATIVE = "SELECT COALESCE((SELECT allow_negative FROM product WHERE sku = ?), false)"
            + " OR COALESCE((SELECT allow_negative FROM warehouse WHERE code = ?), false)";
    /** What open sales orders hold of a key (confirmed, picking or partly shipped; lot '' = any lot). */
    private static final String RESERVED = "SELECT COALESCE(SUM(r.quantity), 0) FROM stock_reservation r JOIN sales_order o"
            + " ON o.id = r.so_id WHERE r.sku = ? AND r.warehouse = ? AND r.location = ? AND r.lot = ?"
            + " AND o.status IN ('confirmed', 'picking', 'partially-shipped')";
    /** Manual operations that may not take stock open sales orders have reserved. */
    private static final Set<String> RESPECTS_RESERVATIONS = Set.of(StockOperation.ADJUSTMENT, StockOperation.SCRAP,
            StockOperation.MOVE);
    private static final String INSERT_LEDGER = "INSERT INTO stock_ledger (event_id, line_no, sku, warehouse, location, lot,"
            + " quantity, unit, movement_type, cause_type, cause_ref, reason, username, epcs)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, recorded_at";
    private static final String UPDATE_LEVEL = "UPDATE stock_level SET quantity = quantity + ?, updated_at = now()"
            + " WHERE sku = ? AND warehouse = ? AND location = ? AND lot = ?";

    /**
     * Posts every line, or none: throws {@link StockConflictException} (leaving the rollback to the
     * caller) when a line would take its key below zero that may not go there.
     *
     * @return the ledger rows written, in line order
     */
    public List<MovementView> post(Connection c, StockOperation op) throws SQLException {
        checkLots(c, op);
        Map<StockKey, BigDecimal> levels = lockAll(c, op);
        boolean keepReservations = RESPECTS_RESERVATIONS.contains(op.causeType());
        for (StockOperation.Line line : op.lines()) {
            BigDecimal before = levels.get(line.key());
            BigDecimal after = before.add(line.quantity());
            if (line.quantity().signum() < 0) {
                BigDecimal reserved = keepReservations ? reserved(c, line.key()) : BigDecimal.ZERO;
                if (after.compareTo(reserved) < 0 && !mayGoNegative(c, line.key())) {
                    throw reserved.signum() > 0
                            ? StockConflictException.reserved(line.key(), LedgerStore.plain(before), LedgerStore.plain(reserved),
                                    line.quantity(), line.unit())
                            : StockConflictException.insufficient(line.key(), LedgerStore.plain(before), line.quantity(), line.unit());
                }
            }
            levels.put(line.key(), after);
        }
        ItemMoves.checkOutbound(c, op);
        String eventId = UUID.randomUUID().toString();
        List<MovementView> rows = new ArrayList<>();
        for (int i = 0; i < op.lines().size(); i++) {
            StockOperation.Line line = op.lines().get(i);
            rows.add(insertLedger(c, op, eventId, i, line));
            updateLevel(c, line);
        }
        ItemMoves.project(c, op, eventId);
        AlertStore.evaluate(c, scopes(op));
        return rows;
    }

    private static Set<StockScope> scopes(StockOperation op) {
        Set<StockScope> out = new HashSet<>();
        op.lines().forEach(l -> out.add(new StockScope(l.key().sku(), l.key().warehouse())));
        return out;
    }

    /** Inbound lines of lot- or expiry-tracked products must name a registered lot (see {@link LotStore#checkInbound}). */
    private static void checkLots(Connection c, StockOperation op) throws SQLException {
        Set<String> checked = new HashSet<>();
        for (StockOperation.Line line : op.lines()) {
            if (line.quantity().signum() > 0 && checked.add(line.key().sku() + "\u0000" + line.key().lot())) {
                LotStore.checkInbound(c, line.key().sku(), line.key().lot());
            }
        }
    }

    /** Creates (if needed) and locks every key in {@link StockKey} order; returns the locked quantities. */
    private static Map<StockKey, BigDecimal> lockAll(Connection c, StockOperation op) throws SQLException {
        Map<StockKey, String> units = new TreeMap<>();
        op.lines().forEach(l -> units.putIfAbsent(l.key(), l.unit()));
        return lock(c, units);
    }

    /**
     * Takes the row lock of every key's stock level (creating a zero row with the key's unit when there
     * is none), in {@link StockKey} order, on the caller's transaction: until it commits, no posting
     * can change these quantities. For checks that must see a stable quantity, e.g. a reservation of
     * available stock. Returns the locked quantities.
     */
    public static Map<StockKey, BigDecimal> lock(Connection c, Map<StockKey, String> unitsByKey) throws SQLException {
        Map<StockKey, BigDecimal> levels = new TreeMap<>();
        for (Map.Entry<StockKey, String> e : new TreeMap<>(unitsByKey).entrySet()) {
            StockKey k = e.getKey();
            try (PreparedStatement ps = c.prepareStatement(ENSURE_LEVEL)) {
                bindKey(ps, 1, k);
                ps.setString(5, e.getValue());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(LOCK_LEVEL)) {
                bindKey(ps, 1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    levels.put(k, rs.getBigDecimal(1));
                }
            }
        }
        return levels;
    }

    private static BigDecimal reserved(Connection c, StockKey k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESERVED)) {
            bindKey(ps, 1, k);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    private static boolean mayGoNegative(Connection c, StockKey k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MAY_GO_NEGATIVE)) {
            ps.setString(1, k.sku());
            ps.setString(2, k.warehouse());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static MovementView insertLedger(Connection c, StockOperation op, String eventId, int lineNo,
                                             StockOperation.Line line) throws SQLException {
        StockKey k = line.key();
        try (PreparedStatement ps = c.prepareStatement(INSERT_LEDGER)) {
            ps.setString(1, eventId);
            ps.setInt(2, lineNo);
            bindKey(ps, 3, k);
            ps.setBigDecimal(7, line.quantity());
            ps.setString(8, line.unit());
            ps.setString(9, line.movementType());
            ps.setString(10, op.causeType());
            ps.setString(11, op.causeRef());
            ps.setString(12, op.reason());
            ps.setString(13, op.user());
            ps.setArray(14, c.createArrayOf("text", line.epcs().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new MovementView(rs.getLong(1), eventId, k.sku(), k.warehouse(), k.location(),
                        k.lot().isEmpty() ? null : k.lot(), LedgerStore.plain(line.quantity()), line.unit(),
                        line.movementType(), op.causeType(), null, null, rs.getTimestamp(2).toInstant(), op.causeRef(),
                        op.reason(), op.user());
            }
        }
    }

    private static void updateLevel(Connection c, StockOperation.Line line) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_LEVEL)) {
            ps.setBigDecimal(1, line.quantity());
            bindKey(ps, 2, line.key());
            ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, int first, StockKey k) throws SQLException {
        ps.setString(first, k.sku());
        ps.setString(first + 1, k.warehouse());
        ps.setString(first + 2, k.location());
        ps.setString(first + 3, k.lot());
    }
}
