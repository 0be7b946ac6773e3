package io.stocksense.cloud.reports.store;

import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.store.LedgerStore;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.reports.api.InventoryReports;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inventory reports, read from the ledger, the levels and the closing snapshots (stock as of a
 * date comes from {@link SnapshotStore}, never from a scan of the whole ledger). Moves inside a
 * warehouse and the transit legs of transfers are internal: they are neither inbound nor outbound.
 *
 * <p>Blocking JDBC; call from a worker thread.
 */
public final class InventoryReportStore {

    /** Ledger movement types that move stock inside the company, not in or out of it. */
    static final String INTERNAL = "('MOVE_IN', 'MOVE_OUT', 'TRANSFER_SHIP_IN', 'TRANSFER_RECEIVE_OUT')";
    /** Corrections of the count, not goods going out. */
    static final String CORRECTIONS = "('ADJUSTMENT', 'STOCKTAKE')";
    private static final String WAREHOUSE = " AND (?::text IS NULL OR l.warehouse = ?)";

    private final DataSource dataSource;
    private final SnapshotStore snapshots;

    public InventoryReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.snapshots = new SnapshotStore(dataSource);
    }

    /** The stocktake list over the same database. */
    public StocktakeSummaryStore stocktakes() {
        return new StocktakeSummaryStore(dataSource);
    }

    /** Inbound and outbound quantities per {@code bucket} and movement type over [from, to). */
    public List<InventoryReports.MovementBucket> movements(Instant from, Instant to, String warehouse, Duration bucket)
            throws SQLException {
        String sql = "SELECT date_bin(make_interval(secs => ?), l.recorded_at, ?) AS period, l.movement_type,"
                + " sum(greatest(l.quantity, 0)), sum(greatest(-l.quantity, 0)), count(*) FROM stock_ledger l"
                + " WHERE l.recorded_at >= ? AND l.recorded_at < ?" + WAREHOUSE + " GROUP BY 1, 2 ORDER BY 1, 2";
        List<InventoryReports.MovementBucket> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, bucket.toSeconds());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.setString(5, warehouse);
            ps.setString(6, warehouse);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InventoryReports.MovementBucket(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            LedgerStore.plain(rs.getBigDecimal(3)), LedgerStore.plain(rs.getBigDecimal(4)), rs.getLong(5)));
                }
            }
        }
        return out;
    }

    /** Turnover per SKU over [from, to): opening and closing stock as of both ends, outbound in between. */
    public List<InventoryReports.Turnover> turnover(Instant from, Instant to, String warehouse) throws SQLException {
        StockQuery.Levels filter = new StockQuery.Levels(null, warehouse, null);
        Map<String, BigDecimal> opening = bySku(snapshots.levelsAsOf(filter, from));
        Map<String, BigDecimal> closing = bySku(snapshots.levelsAsOf(filter, to));
        String sql = "SELECT l.sku, sum(-l.quantity) FROM stock_ledger l WHERE l.quantity < 0 AND l.recorded_at > ?"
                + " AND l.recorded_at <= ? AND l.movement_type NOT IN " + INTERNAL + " AND l.movement_type NOT IN " + CORRECTIONS
                + WAREHOUSE + " GROUP BY l.sku";
        Map<String, BigDecimal> outbound = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setString(3, warehouse);
            ps.setString(4, warehouse);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outbound.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
            Map<String, String[]> products = products(c);
            TreeMap<String, Boolean> skus = new TreeMap<>();
            opening.keySet().forEach(k -> skus.put(k, true));
            closing.keySet().forEach(k -> skus.put(k, true));
            outbound.keySet().forEach(k -> skus.put(k, true));
            BigDecimal days = BigDecimal.valueOf(Math.max(1, Duration.between(from, to).toSeconds()))
                    .divide(BigDecimal.valueOf(86_400), 6, RoundingMode.HALF_UP);
            List<InventoryReports.Turnover> out = new ArrayList<>();
            for (String sku : skus.keySet()) {
                BigDecimal open = opening.getOrDefault(sku, BigDecimal.ZERO);
                BigDecimal close = closing.getOrDefault(sku, BigDecimal.ZERO);
                BigDecimal gone = outbound.getOrDefault(sku, BigDecimal.ZERO);
                BigDecimal mean = open.add(close).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP);
                BigDecimal turnover = mean.signum() > 0 ? gone.divide(mean, 2, RoundingMode.HALF_UP) : null;
                BigDecimal cover = gone.signum() > 0 ? close.multiply(days).divide(gone, 1, RoundingMode.HALF_UP) : null;
                String[] p = products.getOrDefault(sku, new String[] {null, null});
                out.add(new InventoryReports.Turnover(sku, p[0], p[1], LedgerStore.plain(open), LedgerStore.plain(close), LedgerStore.plain(gone), turnover, cover));
            }
            return out;
        }
    }

    /** SKUs in stock with no outbound movement since {@code asOf - days} (or never). */
    public List<InventoryReports.SlowMover> slowMoving(int days, String warehouse, Instant asOf) throws SQLException {
        String sql = "SELECT s.sku, p.name, s.unit, s.quantity, o.last_out FROM ("
                + "  SELECT l.sku, max(l.unit) AS unit, sum(l.quantity) AS quantity FROM stock_level l WHERE true" + WAREHOUSE
                + "  GROUP BY l.sku HAVING sum(l.quantity) > 0) s LEFT JOIN product p ON p.sku = s.sku"
                + " LEFT JOIN LATERAL (SELECT max(l.recorded_at) AS last_out FROM stock_ledger l WHERE l.sku = s.sku"
                + "   AND l.quantity < 0 AND l.movement_type NOT IN " + INTERNAL + " AND l.movement_type NOT IN " + CORRECTIONS
                + WAREHOUSE + ") o ON true"
                + " WHERE o.last_out IS NULL OR o.last_out < ? ORDER BY o.last_out NULLS FIRST, s.sku";
        List<InventoryReports.SlowMover> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, warehouse);
            ps.setString(2, warehouse);
            ps.setString(3, warehouse);
            ps.setString(4, warehouse);
            ps.setTimestamp(5, Timestamp.from(asOf.minus(Duration.ofDays(days))));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(5);
                    Long since = last == null ? null : Duration.between(last.toInstant(), asOf).toDays();
                    out.add(new InventoryReports.SlowMover(rs.getString(1), rs.getString(2), rs.getString(3),
                            LedgerStore.plain(rs.getBigDecimal(4)), last == null ? null : last.toInstant(), since));
                }
            }
        }
        return out;
    }

    /**
     * Stock by age, first in first out per SKU × warehouse: the newest receipts are the ones still on hand.
     * Reads the inbound ledger rows of the SKUs in stock only.
     */
    public List<InventoryReports.Ageing> ageing(String warehouse, Instant asOf) throws SQLException {
        String sql = "WITH stock AS (SELECT l.sku, l.warehouse, sum(l.quantity) AS q, max(l.unit) AS unit FROM stock_level l"
                + "   WHERE true" + WAREHOUSE + " GROUP BY l.sku, l.warehouse HAVING sum(l.quantity) > 0),"
                + " ins AS (SELECT l.sku, l.warehouse, l.quantity, l.recorded_at, sum(l.quantity) OVER (PARTITION BY l.sku,"
                + "   l.warehouse ORDER BY l.recorded_at DESC, l.id DESC) AS cum FROM stock_ledger l JOIN stock s"
                + "   ON s.sku = l.sku AND s.warehouse = l.warehouse WHERE l.quantity > 0 AND l.movement_type NOT IN " + INTERNAL + "),"
                + " taken AS (SELECT i.sku, least(i.quantity, s.q - (i.cum - i.quantity)) AS take,"
                + "   extract(epoch FROM (?::timestamptz - i.recorded_at)) / 86400 AS age FROM ins i JOIN stock s"
                + "   ON s.sku = i.sku AND s.warehouse = i.warehouse WHERE i.cum - i.quantity < s.q)"
                + " SELECT st.sku, p.name, max(st.unit), sum(st.q),"
                + "  (SELECT coalesce(sum(take), 0) FROM taken t WHERE t.sku = st.sku AND age <= 30),"
                + "  (SELECT coalesce(sum(take), 0) FROM taken t WHERE t.sku = st.sku AND age > 30 AND age <= 60),"
                + "  (SELECT coalesce(sum(take), 0) FROM taken t WHERE t.sku = st.sku AND age > 60 AND age <= 90),"
                + "  (SELECT coalesce(sum(take), 0) FROM taken t WHERE t.sku = st.sku AND age > 90 AND age <= 180),"
                + "  (SELECT coalesce(sum(take), 0) FROM taken t WHERE t.sku = st.sku AND age > 180)"
                + " FROM stock st LEFT JOIN product p ON p.sku = st.sku GROUP BY st.sku, p.name ORDER BY st.sku";
        List<InventoryReports.Ageing> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, warehouse);
            ps.setString(2, warehouse);
            ps.setTimestamp(3, Timestamp.from(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal total = rs.getBigDecimal(4);
                    BigDecimal known = BigDecimal.ZERO;
                    BigDecimal[] b = new BigDecimal[5];
                    for (int i = 0; i < 5; i++) {
                        b[i] = LedgerStore.plain(rs.getBigDecimal(5 + i));
                        known = known.add(b[i]);
                    }
                    out.add(new InventoryReports.Ageing(rs.getString(1), rs.getString(2), rs.getString(3), LedgerStore.plain(total),
                            b[0], b[1], b[2], b[3], b[4], LedgerStore.plain(total.subtract(known).max(BigDecimal.ZERO))));
                }
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> bySku(List<StockLevelView> levels) {
        Map<String, BigDecimal> out = new TreeMap<>();
        levels.forEach(l -> out.merge(l.sku(), l.quantity(), BigDecimal::add));
        return out;
    }

    private static Map<String, String[]> products(Connection c) throws SQLException {
        Map<String, String[]> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sku, name, unit FROM product"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }
}
