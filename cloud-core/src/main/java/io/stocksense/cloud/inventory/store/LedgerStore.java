package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.domain.Posting;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes device movements into the append-only ledger and projects them onto stock levels, on the
 * caller's connection and inside the caller's transaction, so the ledger row and the level change
 * commit together or not at all.
 *
 * <p>Concurrent postings to the same SKU × location × lot are serialized by PostgreSQL: the level
 * upsert takes the row lock ({@code ON CONFLICT DO UPDATE}), so two transactions add up instead of
 * overwriting each other. Device movements are posted even when they take a level below zero (they
 * are facts); an {@code inventory_alert} then records the gap unless the product or warehouse allows it.
 */
public final class LedgerStore {

    public static final String CAUSE_DEVICE_EVENT = "device-event";

    private static final String INSERT_LEDGER = "INSERT INTO stock_ledger (event_id, line_no, sku, warehouse, location, lot,"
            + " quantity, unit, movement_type, cause_type, cause_ref, device_id, device_time, gateway_time, epcs)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_LEVEL = "INSERT INTO stock_level (sku, warehouse, location, lot, quantity, unit)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku, warehouse, location, lot)"
            + " DO UPDATE SET quantity = stock_level.quantity + EXCLUDED.quantity, updated_at = now() RETURNING quantity";
    private static final String UPSERT_EPC = "INSERT INTO epc_item (epc, sku, warehouse, location, last_event_id, last_seen,"
            + " lot, status, device_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (epc) DO UPDATE SET sku = EXCLUDED.sku,"
            + " warehouse = EXCLUDED.warehouse, location = EXCLUDED.location, last_event_id = EXCLUDED.last_event_id,"
            + " last_seen = EXCLUDED.last_seen, lot = EXCLUDED.lot, status = EXCLUDED.status, device_seen = EXCLUDED.device_seen"
            + " WHERE epc_item.device_seen IS NULL OR epc_item.device_seen <= EXCLUDED.device_seen";

    /** Posts every line of the movement; returns the new level of each key it touched. */
    public List<StockLevelView> post(Connection c, StockMovement m) throws SQLException {
        List<StockLevelView> levels = new ArrayList<>();
        Instant seen = m.deviceTime() != null ? m.deviceTime() : m.gatewayTime();
        for (Posting p : Posting.of(m)) {
            insertLedger(c, m, p);
            StockLevelView level = upsertLevel(c, p);
            if (p.quantity().signum() < 0 && level.quantity().signum() < 0) {
                alertNegative(c, m, p, level);
            }
            levels.add(level);
            upsertEpcs(c, p, seen);
        }
        return levels;
    }

    /**
     * A device saw goods leave that the ledger says are not there. The movement is a fact and stays
     * posted (README "Device movements are facts"); where negative stock is not allowed, the gap is
     * raised as an alert with its evidence, for someone to count and correct.
     */
    static void alertNegative(Connection c, StockMovement m, Posting p, StockLevelView level) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE((SELECT allow_negative FROM product WHERE sku = ?), false)"
                + " OR COALESCE((SELECT allow_negative FROM warehouse WHERE code = ?), false)")) {
            ps.setString(1, p.sku());
            ps.setString(2, p.warehouse());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return;
                }
            }
        }
        AlertStore.raise(c, AlertStore.NEGATIVE_STOCK, p.sku(), p.warehouse(), p.location(), negativeDetail(m, p, level));
    }

    /** The evidence of a negative-stock alert: which event took which key below zero, and to what level. */
    static Map<String, Object> negativeDetail(StockMovement m, Posting p, StockLevelView level) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventId", m.eventId());
        detail.put("deviceId", m.deviceId());
        detail.put("movementType", m.movementType().name());
        detail.put("lot", p.lot().isEmpty() ? null : p.lot());
        detail.put("quantity", plain(p.quantity()));
        detail.put("level", level.quantity());
        return detail;
    }

    private static void insertLedger(Connection c, StockMovement m, Posting p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_LEDGER)) {
            ps.setString(1, p.eventId());
            ps.setInt(2, p.lineNo());
            ps.setString(3, p.sku());
            ps.setString(4, p.warehouse());
            ps.setString(5, p.location());
            ps.setString(6, p.lot());
            ps.setBigDecimal(7, p.quantity());
            ps.setString(8, p.unit());
            ps.setString(9, m.movementType().name());
            ps.setString(10, CAUSE_DEVICE_EVENT);
            ps.setString(11, m.eventId());
            ps.setString(12, m.deviceId());
            ps.setTimestamp(13, ts(m.deviceTime()));
            ps.setTimestamp(14, ts(m.gatewayTime()));
            Array epcs = c.createArrayOf("text", p.epcs().toArray());
            ps.setArray(15, epcs);
            ps.executeUpdate();
        }
    }

    private static StockLevelView upsertLevel(Connection c, Posting p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LEVEL)) {
            ps.setString(1, p.sku());
            ps.setString(2, p.warehouse());
            ps.setString(3, p.location());
            ps.setString(4, p.lot());
            ps.setBigDecimal(5, p.quantity());
            ps.setString(6, p.unit());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal q = rs.getBigDecimal(1);
                return new StockLevelView(p.sku(), p.warehouse(), p.location(), p.lot().isEmpty() ? null : p.lot(),
                        plain(q), p.unit());
            }
        }
    }

    /**
     * Where each serialized item was seen last and its status (in-stock, or dispatched when the line took
     * it out); a device event older than the item's last device movement does not move it back.
     */
    static void upsertEpcs(Connection c, Posting p, Instant seen) throws SQLException {
        for (String epc : p.epcs().stream().sorted().toList()) {
            upsertEpc(c, p, epc, seen);
        }
    }

    /** Projects one item of {@code p} onto {@code epc_item} (its place, status and last device time). */
    static void upsertEpc(Connection c, Posting p, String epc, Instant seen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_EPC)) {
            ps.setString(1, epc);
            ps.setString(2, p.sku());
            ps.setString(3, p.warehouse());
            ps.setString(4, p.location());
            ps.setString(5, p.eventId());
            ps.setTimestamp(6, ts(seen));
            ps.setString(7, p.lot());
            // A device line that takes items out of its location (a portal dispatch) sends them out of the warehouse.
            ps.setString(8, p.quantity().signum() < 0 ? ItemMoves.DISPATCHED : ItemMoves.IN_STOCK);
            ps.setTimestamp(9, ts(seen));
            ps.executeUpdate();
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Exact decimal without trailing zeros and never in exponent notation once written as JSON. */
    public static BigDecimal plain(BigDecimal q) {
        if (q == null) {
            return null;
        }
        BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
