package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.domain.Posting;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Posts many device movements at once with the same effect as {@link LedgerStore#post} called on each
 * in order, on the caller's connection and transaction: the ledger rows go in one multi-row INSERT, and the
 * level changes are summed per key and written by ONE upsert over all keys of the batch (in
 * {@link StockKey} order, the lock order of {@link StockPoster}), instead of a round trip per row.
 *
 * <p>The level after each posting, which the live feed and the negative-stock alert need, is rebuilt
 * exactly from the final level: level before the batch = final − sum of the batch's changes to that
 * key, then the postings are replayed in order. The negative-stock alerts of the batch are written
 * together at the end, in posting order. EPC locations still go through {@link LedgerStore} per item.
 */
public final class LedgerBatchStore {

    private static final String EPC_SEPARATOR = "\u001f";
    private static final String INSERT_LEDGER = "INSERT INTO stock_ledger (event_id, line_no, sku, warehouse, location, lot,"
            + " quantity, unit, movement_type, cause_type, cause_ref, device_id, device_time, gateway_time, epcs)"
            + " SELECT e, n::int, s, w, l, lt, q, un, mt, '" + LedgerStore.CAUSE_DEVICE_EVENT + "', e, d, dt::timestamptz,"
            + " gt::timestamptz, CASE WHEN ep = '' THEN '{}'::text[] ELSE string_to_array(ep, chr(31)) END"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(e, n, s, w, l, lt, q, un, mt, d, dt, gt, ep)";
    private static final String UPSERT_LEVELS = "INSERT INTO stock_level (sku, warehouse, location, lot, quantity, unit)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::text[])"
            + " ON CONFLICT (sku, warehouse, location, lot) DO UPDATE SET quantity = stock_level.quantity + EXCLUDED.quantity,"
            + " updated_at = now() RETURNING sku, warehouse, location, lot, quantity";

    private static final String ALLOWS_NEGATIVE = "SELECT 'p' || p.sku FROM unnest(?::text[]) AS k(sku) JOIN product p"
            + " ON p.sku = k.sku WHERE p.allow_negative UNION ALL SELECT 'w' || w.code FROM unnest(?::text[]) AS k(code)"
            + " JOIN warehouse w ON w.code = k.code WHERE w.allow_negative";
    private static final String INSERT_ALERTS = "INSERT INTO inventory_alert (kind, sku, warehouse, location, detail)"
            + " SELECT ?, s, w, l, d::jsonb FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + " AS u(s, w, l, d, n) ORDER BY n";

    /** Posts every line of every movement; returns, per movement, the level after each of its postings. */
    public List<List<StockLevelView>> postAll(Connection c, List<StockMovement> movements) throws SQLException {
        List<List<Posting>> postings = new ArrayList<>(movements.size());
        Map<StockKey, BigDecimal> deltas = new TreeMap<>();
        Map<StockKey, String> units = new HashMap<>();
        for (StockMovement m : movements) {
            List<Posting> ps = Posting.of(m);
            postings.add(ps);
            for (Posting p : ps) {
                deltas.merge(key(p), p.quantity(), BigDecimal::add);
                units.putIfAbsent(key(p), p.unit());
            }
        }
        insertLedger(c, movements, postings);
        Map<StockKey, BigDecimal> running = upsertLevels(c, deltas, units);
        running.replaceAll((k, finalLevel) -> finalLevel.subtract(deltas.get(k)));
        List<List<StockLevelView>> out = new ArrayList<>(movements.size());
        List<Gap> gaps = new ArrayList<>();
        List<ItemUpdate> items = new ArrayList<>();
        for (int i = 0; i < movements.size(); i++) {
            StockMovement m = movements.get(i);
            Instant seen = m.deviceTime() != null ? m.deviceTime() : m.gatewayTime();
            List<StockLevelView> levels = new ArrayList<>();
            for (Posting p : postings.get(i)) {
                BigDecimal after = running.merge(key(p), p.quantity(), BigDecimal::add);
                StockLevelView level = new StockLevelView(p.sku(), p.warehouse(), p.location(),
                        p.lot().isEmpty() ? null : p.lot(), LedgerStore.plain(after), p.unit());
                if (p.quantity().signum() < 0 && after.signum() < 0) {
                    gaps.add(new Gap(m, p, level));
                }
                levels.add(level);
                for (String epc : p.epcs()) {
                    items.add(new ItemUpdate(epc, p, seen));
                }
            }
            out.add(levels);
        }
        // Item rows are locked in EPC order, as the level rows are in key order, so two ingest workers whose
        // batches name the same items never wait on each other in a cycle. The sort is stable: one item's
        // updates keep the order of the batch.
        items.sort(java.util.Comparator.comparing(ItemUpdate::epc));
        for (ItemUpdate u : items) {
            LedgerStore.upsertEpc(c, u.p(), u.epc(), u.seen());
        }
        alertNegatives(c, gaps);
        return out;
    }

    /** One item of a posting, to be projected onto {@code epc_item}. */
    private record ItemUpdate(String epc, Posting p, Instant seen) {
    }

    /** A posting that left its key below zero. */
    private record Gap(StockMovement m, Posting p, StockLevelView level) {
    }

    /**
     * {@link LedgerStore#alertNegative} for all gaps of the batch at once: one read of the products and
     * warehouses that allow negative stock, one INSERT of the alerts (in posting order).
     */
    private static void alertNegatives(Connection c, List<Gap> gaps) throws SQLException {
        if (gaps.isEmpty()) {
            return;
        }
        Set<String> allowed = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(ALLOWS_NEGATIVE)) {
            ps.setArray(1, c.createArrayOf("text", gaps.stream().map(g -> g.p().sku()).distinct().toArray()));
            ps.setArray(2, c.createArrayOf("text", gaps.stream().map(g -> g.p().warehouse()).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    allowed.add(rs.getString(1));
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (Gap g : gaps) {
            if (!allowed.contains("p" + g.p().sku()) && !allowed.contains("w" + g.p().warehouse())) {
                rows.add(new Object[] {g.p().sku(), g.p().warehouse(), g.p().location(),
                        ApiJson.write(LedgerStore.negativeDetail(g.m(), g.p(), g.level()))});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ALERTS)) {
            ps.setString(1, AlertStore.NEGATIVE_STOCK);
            for (int col = 0; col < 4; col++) {
                int k = col;
                ps.setArray(col + 2, c.createArrayOf("text", rows.stream().map(r -> r[k]).toArray()));
            }
            ps.executeUpdate();
        }
    }

    /**
     * All ledger rows in one statement, one array per column (row order = posting order, so ids follow
     * it). A row's EPC list travels as one string joined by U+001F, which no EPC contains.
     */
    private static void insertLedger(Connection c, List<StockMovement> movements, List<List<Posting>> postings)
            throws SQLException {
        int n = postings.stream().mapToInt(List::size).sum();
        Object[][] cols = new Object[13][n];
        int r = 0;
        for (int i = 0; i < movements.size(); i++) {
            StockMovement m = movements.get(i);
            for (Posting p : postings.get(i)) {
                Object[] row = {p.eventId(), Integer.toString(p.lineNo()), p.sku(), p.warehouse(), p.location(), p.lot(),
                        p.quantity(), p.unit(), m.movementType().name(), m.deviceId(), text(m.deviceTime()),
                        text(m.gatewayTime()), String.join(EPC_SEPARATOR, p.epcs())};
                for (int col = 0; col < row.length; col++) {
                    cols[col][r] = row[col];
                }
                r++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_LEDGER)) {
            for (int col = 0; col < cols.length; col++) {
                ps.setArray(col + 1, c.createArrayOf(col == 6 ? "numeric" : "text", cols[col]));
            }
            ps.executeUpdate();
        }
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    /** One upsert for all keys (unique after summing, so no row is touched twice); returns the final levels. */
    private static Map<StockKey, BigDecimal> upsertLevels(Connection c, Map<StockKey, BigDecimal> deltas,
                                                          Map<StockKey, String> units) throws SQLException {
        int n = deltas.size();
        Object[][] cols = new Object[6][n];
        int i = 0;
        for (Map.Entry<StockKey, BigDecimal> e : deltas.entrySet()) {
            StockKey k = e.getKey();
            cols[0][i] = k.sku();
            cols[1][i] = k.warehouse();
            cols[2][i] = k.location();
            cols[3][i] = k.lot();
            cols[4][i] = e.getValue();
            cols[5][i] = units.get(k);
            i++;
        }
        Map<StockKey, BigDecimal> levels = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LEVELS)) {
            for (int col = 0; col < 6; col++) {
                ps.setArray(col + 1, c.createArrayOf(col == 4 ? "numeric" : "text", cols[col]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    levels.put(new StockKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getBigDecimal(5));
                }
            }
        }
        return levels;
    }

    private static StockKey key(Posting p) {
        return new StockKey(p.sku(), p.warehouse(), p.location(), p.lot());
    }
}
