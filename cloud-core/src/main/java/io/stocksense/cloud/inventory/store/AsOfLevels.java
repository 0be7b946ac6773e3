package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.domain.StockKey;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads "stock as of" for {@link SnapshotStore#levelsAsOf}: the closing snapshot's rows already in
 * report order (index {@code stock_snapshot_report_order}, no sort), plus the ledger rows after it
 * summed per key (a hash aggregate over the rows after the snapshot only), merged in Java. The keys
 * new since the snapshot are appended and put in place by one {@link List#sort}, which for a long
 * sorted run and a short tail costs little more than a pass. PostgreSQL sorting all 50,000 keys per
 * request took longer than the rest of the query (README "Benchmarks", ledger).
 */
final class AsOfLevels {

    /**
     * The order of {@code GET /stock}: warehouse, location, SKU, lot (none first), each compared by code
     * point, which is the byte order of {@code COLLATE "C"} that {@link InventoryQueries#levels} sorts by.
     */
    static final Comparator<StockLevelView> REPORT_ORDER = (x, y) -> {
        int c = byCodePoint(x.warehouse(), y.warehouse());
        if (c == 0) {
            c = byCodePoint(x.location(), y.location());
        }
        if (c == 0) {
            c = byCodePoint(x.sku(), y.sku());
        }
        return c != 0 ? c : byCodePoint(x.lot() == null ? "" : x.lot(), y.lot() == null ? "" : y.lot());
    };

    static final String FILTERS = " AND (?::text IS NULL OR sku = ?) AND (?::text IS NULL OR warehouse = ?)"
            + " AND (?::text IS NULL OR location = ?)";
    static final String SNAPSHOT_ROWS = "SELECT sku, warehouse, location, lot, quantity, unit FROM stock_snapshot"
            + " WHERE snapshot_at = ?" + FILTERS
            + " ORDER BY warehouse COLLATE \"C\", location COLLATE \"C\", sku COLLATE \"C\", lot COLLATE \"C\"";
    static final String CHANGES_SINCE = "SELECT sku, warehouse, location, lot, SUM(quantity), MAX(unit) FROM stock_ledger"
            + " WHERE recorded_at > COALESCE(?::timestamptz, '-infinity'::timestamptz) AND recorded_at <= ?" + FILTERS
            + " GROUP BY sku, warehouse, location, lot";

    private AsOfLevels() {
    }

    /** Non-zero levels: the snapshot at {@code base} (none when null) plus the ledger rows in (base, asOf]. */
    static List<StockLevelView> read(Connection c, Instant base, Instant asOf, StockQuery.Levels q) throws SQLException {
        Map<StockKey, Sum> changes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CHANGES_SINCE)) {
            ps.setTimestamp(1, base == null ? null : Timestamp.from(base));
            ps.setTimestamp(2, Timestamp.from(asOf));
            bindFilters(ps, 3, q);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.put(key(rs), new Sum(rs.getBigDecimal(5), rs.getString(6)));
                }
            }
        }
        List<StockLevelView> out = new ArrayList<>();
        if (base != null) {
            try (PreparedStatement ps = c.prepareStatement(SNAPSHOT_ROWS)) {
                ps.setTimestamp(1, Timestamp.from(base));
                bindFilters(ps, 2, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StockKey k = key(rs);
                        Sum change = changes.remove(k);
                        Sum level = new Sum(rs.getBigDecimal(5), rs.getString(6));
                        add(out, k, change == null ? level : level.plus(change));
                    }
                }
            }
        }
        changes.forEach((k, s) -> add(out, k, s));
        out.sort(REPORT_ORDER);
        return out;
    }

    static void bindFilters(PreparedStatement ps, int first, StockQuery.Levels q) throws SQLException {
        String[] values = {q.sku(), q.sku(), q.warehouse(), q.warehouse(), q.location(), q.location()};
        for (int i = 0; i < values.length; i++) {
            ps.setString(first + i, values[i]);
        }
    }

    /**
     * Code point order. Same as {@link String#compareTo} (UTF-16 units) unless the first difference
     * involves a surrogate: a character beyond U+FFFF sorts after every BMP character.
     */
    static int byCodePoint(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(k), b.codePointAt(k));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static StockKey key(ResultSet rs) throws SQLException {
        return new StockKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static void add(List<StockLevelView> out, StockKey k, Sum s) {
        if (s.quantity().signum() != 0) {
            out.add(new StockLevelView(k.sku(), k.warehouse(), k.location(), k.lot().isEmpty() ? null : k.lot(),
                    LedgerStore.plain(s.quantity()), s.unit()));
        }
    }

    /** A quantity and its unit; summing keeps the greater unit name, as MAX(unit) did in SQL. */
    private record Sum(BigDecimal quantity, String unit) {
        Sum plus(Sum o) {
            return new Sum(quantity.add(o.quantity()), unit.compareTo(o.unit()) >= 0 ? unit : o.unit());
        }
    }
}
