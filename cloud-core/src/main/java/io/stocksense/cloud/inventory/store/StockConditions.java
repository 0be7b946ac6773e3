package io.stocksense.cloud.inventory.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.inventory.api.AlertEvaluation;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockScope;
import io.stocksense.cloud.web.ApiJson;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.stocksense.cloud.inventory.store.LedgerStore.plain;

/**
 * Evaluates the stock conditions of some SKU × warehouse scopes (or all of them) on the caller's
 * connection and transaction, and brings their alerts in line: one open alert per condition, resolved
 * when the condition clears. Conditions:
 * <ul>
 *   <li>{@code low-stock} / {@code overstock}: on hand in the warehouse (every location but the virtual
 *       TRANSIT one) below the product's min stock / above its max stock. A warehouse is evaluated for
 *       a SKU once it has had stock of it (a level row exists), so a warehouse that never carried a
 *       product does not report it low;</li>
 *   <li>{@code expired-lot} / {@code expiring-lot}: a lot with stock in the warehouse whose expiry date
 *       is before today / within the configured number of days.</li>
 * </ul>
 * Reads only {@code stock_level} (by its primary key for scoped runs), {@code product} and {@code stock_lot}: never the ledger.
 *
 * <p>Evaluations of one scope are serialized by a transaction-scoped advisory lock per scope, and a
 * whole-warehouse run excludes them all, so under READ COMMITTED the last evaluation of a scope always
 * sees the commits of the ones before it and the alerts end in the state of the latest stock.
 */
final class StockConditions {

    static final String LOW_STOCK = "low-stock";
    static final String OVERSTOCK = "overstock";
    static final String EXPIRING_LOT = "expiring-lot";
    static final String EXPIRED_LOT = "expired-lot";

    /** First key of the two-int advisory locks ('SA'): (ALL_LOCK, 0) is the whole-warehouse evaluation's. */
    private static final int ALL_LOCK = 0x5341;
    private static final String KINDS = "'" + LOW_STOCK + "', '" + OVERSTOCK + "', '" + EXPIRING_LOT + "', '" + EXPIRED_LOT + "'";
    private static final String SCOPED_LEVELS = "SELECT l.* FROM stock_level l JOIN (SELECT DISTINCT s, w"
            + " FROM unnest(?::text[], ?::text[]) AS u(s, w)) sc ON l.sku = sc.s AND l.warehouse = sc.w";
    private static final String CONDITIONS = "WITH lv AS (%s),"
            + " onhand AS (SELECT sku, warehouse, COALESCE(SUM(quantity) FILTER (WHERE location <> '" + StockKey.TRANSIT + "'), 0) AS q"
            + " FROM lv GROUP BY sku, warehouse)"
            + " SELECT CASE WHEN o.q < p.min_stock THEN '" + LOW_STOCK + "' ELSE '" + OVERSTOCK + "' END, o.sku, o.warehouse, '',"
            + " o.q, p.min_stock, p.max_stock, p.unit, NULL::date FROM onhand o JOIN product p USING (sku)"
            + " WHERE o.q < p.min_stock OR o.q > p.max_stock"
            + " UNION ALL SELECT CASE WHEN k.expiry_date < ? THEN '" + EXPIRED_LOT + "' ELSE '" + EXPIRING_LOT + "' END,"
            + " lv.sku, lv.warehouse, lv.lot, SUM(lv.quantity), NULL, NULL, p.unit, k.expiry_date"
            + " FROM lv JOIN stock_lot k ON k.sku = lv.sku AND k.lot = lv.lot JOIN product p ON p.sku = lv.sku"
            + " WHERE k.expiry_date < ? GROUP BY lv.sku, lv.warehouse, lv.lot, k.expiry_date, p.unit HAVING SUM(lv.quantity) > 0";
    private static final String UPSERT = "INSERT INTO inventory_alert (kind, sku, warehouse, location, lot, detail)"
            + " VALUES (?, ?, ?, NULL, ?, ?::jsonb) ON CONFLICT (kind, sku, warehouse, lot)"
            + " WHERE kind IN (" + KINDS + ") AND resolved_at IS NULL DO UPDATE SET detail = EXCLUDED.detail"
            + " WHERE inventory_alert.detail IS DISTINCT FROM EXCLUDED.detail RETURNING (xmax = 0)";
    private static final String RESOLVE = "UPDATE inventory_alert SET resolved_at = now(), detail = detail"
            + " || jsonb_build_object('resolvedBy', 'evaluation') WHERE resolved_at IS NULL AND kind IN (" + KINDS + ")"
            + " %s AND (kind, sku, warehouse, lot) NOT IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]))";
    private static final String IN_SCOPE = "AND (sku, warehouse) IN (SELECT * FROM unnest(?::text[], ?::text[]))";

    private record Condition(String kind, String sku, String warehouse, String lot, ObjectNode detail) {
    }

    private StockConditions() {
    }

    /** Evaluates {@code scopes}, or every SKU × warehouse when null. */
    static AlertEvaluation evaluate(Connection c, Collection<StockScope> scopes, LocalDate today) throws SQLException {
        SortedSet<StockScope> sorted = scopes == null ? null : new TreeSet<>(scopes);
        if (sorted != null && sorted.isEmpty()) {
            return new AlertEvaluation(0, 0, 0, 0);
        }
        lock(c, sorted);
        int withinDays = AlertStore.settings(c).expiringWithinDays();
        List<Condition> found = conditions(c, sorted, today, withinDays);
        int raised = 0;
        for (Condition k : found) {
            raised += upsert(c, k) ? 1 : 0;
        }
        int resolved = resolve(c, sorted, found);
        return new AlertEvaluation(sorted == null ? -1 : sorted.size(), found.size(), raised, resolved);
    }

    private static void lock(Connection c, SortedSet<StockScope> scopes) throws SQLException {
        if (scopes == null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
                ps.setInt(1, ALL_LOCK);
                ps.executeQuery().close();
            }
            return;
        }
        try (PreparedStatement all = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?, 0)")) {
            all.setInt(1, ALL_LOCK);
            all.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(? || chr(31) || ?, 0))")) {
            for (StockScope s : scopes) {
                ps.setString(1, s.sku());
                ps.setString(2, s.warehouse());
                ps.executeQuery().close();
            }
        }
    }

    private static List<Condition> conditions(Connection c, SortedSet<StockScope> scopes, LocalDate today, int withinDays)
            throws SQLException {
        String sql = String.format(CONDITIONS, scopes == null ? "SELECT * FROM stock_level" : SCOPED_LEVELS);
        List<Condition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = scopes == null ? 1 : bindScopes(c, ps, 1, scopes);
            ps.setDate(i, Date.valueOf(today));
            ps.setDate(i + 1, Date.valueOf(today.plusDays(withinDays)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(condition(rs, today, withinDays));
                }
            }
        }
        return out;
    }

    private static Condition condition(ResultSet rs, LocalDate today, int withinDays) throws SQLException {
        String kind = rs.getString(1);
        BigDecimal q = plain(rs.getBigDecimal(5));
        ObjectNode d = ApiJson.MAPPER.createObjectNode();
        if (kind.equals(LOW_STOCK) || kind.equals(OVERSTOCK)) {
            BigDecimal limit = plain(rs.getBigDecimal(kind.equals(LOW_STOCK) ? 6 : 7));
            d.put("onHand", q).put(kind.equals(LOW_STOCK) ? "minStock" : "maxStock", limit).put("unit", rs.getString(8))
                    .put(kind.equals(LOW_STOCK) ? "shortBy" : "excess", plain(q.subtract(limit).abs()));
        } else {
            LocalDate expiry = rs.getDate(9).toLocalDate();
            long days = ChronoUnit.DAYS.between(today, expiry);
            d.put("lot", rs.getString(4)).put("expiry", expiry.toString()).put("quantity", q).put("unit", rs.getString(8));
            if (kind.equals(EXPIRED_LOT)) {
                d.put("expiredDaysAgo", -days);
            } else {
                d.put("daysLeft", days).put("expiringWithinDays", withinDays);
            }
        }
        return new Condition(kind, rs.getString(2), rs.getString(3), rs.getString(4), d);
    }

    /** True when the alert is new. */
    private static boolean upsert(Connection c, Condition k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, k.kind());
            ps.setString(2, k.sku());
            ps.setString(3, k.warehouse());
            ps.setString(4, k.lot());
            ps.setString(5, ApiJson.write(k.detail()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static int resolve(Connection c, SortedSet<StockScope> scopes, List<Condition> still) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(RESOLVE, scopes == null ? "" : IN_SCOPE))) {
            int i = scopes == null ? 1 : bindScopes(c, ps, 1, scopes);
            ps.setArray(i, c.createArrayOf("text", still.stream().map(Condition::kind).toArray()));
            ps.setArray(i + 1, c.createArrayOf("text", still.stream().map(Condition::sku).toArray()));
            ps.setArray(i + 2, c.createArrayOf("text", still.stream().map(Condition::warehouse).toArray()));
            ps.setArray(i + 3, c.createArrayOf("text", still.stream().map(Condition::lot).toArray()));
            return ps.executeUpdate();
        }
    }

    private static int bindScopes(Connection c, PreparedStatement ps, int first, SortedSet<StockScope> scopes) throws SQLException {
        ps.setArray(first, c.createArrayOf("text", scopes.stream().map(StockScope::sku).toArray()));
        ps.setArray(first + 1, c.createArrayOf("text", scopes.stream().map(StockScope::warehouse).toArray()));
        return first + 2;
    }
}
