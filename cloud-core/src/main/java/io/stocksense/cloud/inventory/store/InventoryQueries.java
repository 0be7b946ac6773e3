package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.InvariantReport;
import io.stocksense.cloud.inventory.api.MovementView;
import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.stocksense.cloud.inventory.store.LedgerStore.plain;

/** Read side of inventory: levels, ledger rows, and the levels-against-ledger invariant. Blocking. */
public final class InventoryQueries {

    private final DataSource dataSource;

    public InventoryQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Non-zero levels matching the filters, ordered by warehouse, location, SKU, lot in code order
     * ({@code COLLATE "C"}, served by the index {@code stock_level_report_order}; the same order as
     * {@link AsOfLevels#REPORT_ORDER}).
     */
    public List<StockLevelView> levels(StockQuery.Levels q) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return levels(c, q);
        }
    }

    /** {@link #levels(StockQuery.Levels)} on the caller's connection. */
    static List<StockLevelView> levels(Connection c, StockQuery.Levels q) throws SQLException {
        String sql = "SELECT sku, warehouse, location, lot, quantity, unit FROM stock_level WHERE quantity <> 0"
                + " AND (?::text IS NULL OR sku = ?) AND (?::text IS NULL OR warehouse = ?) AND (?::text IS NULL OR location = ?)"
                + " ORDER BY warehouse COLLATE \"C\", location COLLATE \"C\", sku COLLATE \"C\", lot COLLATE \"C\"";
        List<StockLevelView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindPair(ps, 1, q.sku());
            bindPair(ps, 3, q.warehouse());
            bindPair(ps, 5, q.location());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StockLevelView(rs.getString(1), rs.getString(2), rs.getString(3), lot(rs.getString(4)),
                            plain(rs.getBigDecimal(5)), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Ledger rows, newest first. */
    public List<MovementView> movements(StockQuery.Movements q) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return movements(c, q, null);
        }
    }

    /** Ledger rows on the caller's connection, newest first; {@code causeRef} (optional) selects one document's rows. */
    static List<MovementView> movements(Connection c, StockQuery.Movements q, String causeRef) throws SQLException {
        String sql = "SELECT id, event_id, sku, warehouse, location, lot, quantity, unit, movement_type, cause_type, device_id,"
                + " device_time, recorded_at, cause_ref, reason, username FROM stock_ledger WHERE (?::text IS NULL OR sku = ?)"
                + " AND (?::timestamptz IS NULL OR recorded_at >= ?) AND (?::text IS NULL OR cause_ref = ?)"
                + " ORDER BY id DESC LIMIT ?";
        List<MovementView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindPair(ps, 1, q.sku());
            Timestamp since = q.since() == null ? null : Timestamp.from(q.since());
            ps.setTimestamp(3, since);
            ps.setTimestamp(4, since);
            bindPair(ps, 5, causeRef);
            ps.setInt(7, q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MovementView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), lot(rs.getString(6)), plain(rs.getBigDecimal(7)), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12)),
                            instant(rs.getTimestamp(13)), rs.getString(14), rs.getString(15), rs.getString(16)));
                }
            }
        }
        return out;
    }

    /** Compares every level with the sum of its ledger rows; a key missing on one side counts as zero. */
    public InvariantReport invariant() throws SQLException {
        String sql = "SELECT sku, warehouse, location, lot, COALESCE(l.quantity, 0), COALESCE(s.total, 0)"
                + " FROM stock_level l FULL OUTER JOIN (SELECT sku, warehouse, location, lot, SUM(quantity) AS total"
                + " FROM stock_ledger GROUP BY sku, warehouse, location, lot) s USING (sku, warehouse, location, lot)"
                + " WHERE COALESCE(l.quantity, 0) <> COALESCE(s.total, 0) ORDER BY sku, warehouse, location, lot";
        List<InvariantReport.Difference> diffs = new ArrayList<>();
        // REPEATABLE READ: levels and ledger are read from one snapshot even while ingest commits.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    diffs.add(new InvariantReport.Difference(rs.getString(1), rs.getString(2), rs.getString(3),
                            lot(rs.getString(4)), plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6))));
                }
            } finally {
                c.rollback();
            }
        }
        return new InvariantReport(diffs.isEmpty(), diffs);
    }

    private static void bindPair(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, value);
        ps.setString(index + 1, value);
    }

    private static String lot(String lot) {
        return lot == null || lot.isEmpty() ? null : lot;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
