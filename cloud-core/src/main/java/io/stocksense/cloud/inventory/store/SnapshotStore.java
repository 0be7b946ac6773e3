package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.SnapshotView;
import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Closing snapshots and "stock as of T". The stock as of T is the latest snapshot taken at or before
 * T plus the ledger rows recorded after that snapshot and at or before T: a range scan of
 * {@code stock_ledger} by {@code recorded_at} (indexed), never the whole ledger once a snapshot exists.
 *
 * <p>Why a snapshot is exact although postings commit concurrently: a row's {@code recorded_at} is
 * stamped before its transaction commits, so a row stamped before S could still be invisible at S.
 * Taking a snapshot therefore first locks the ledger in SHARE mode, which waits for every transaction
 * that is writing ledger rows and holds new writers back until the snapshot commits; S is read from the
 * clock only after that, so every row stamped at or before S is committed and visible, and every later
 * row is stamped after S.
 *
 * <p>Blocking; call from a worker thread.
 */
public final class SnapshotStore {

    /** Memory for the as-of aggregate and sort of one request (README "Benchmarks", ledger). */
    public static final String AS_OF_WORK_MEM = "64MB";

    private final DataSource dataSource;
    private final Transactions tx;

    public SnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    /** Writes a snapshot as of {@code at} (now when null); {@code at} must be after the latest snapshot. */
    public SnapshotView take(Instant at, String user) throws SQLException {
        return tx.run(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE stock_ledger IN SHARE MODE");
            }
            Instant now = single(c, "SELECT clock_timestamp()");
            Instant s = at == null ? now : at;
            if (s.isAfter(now)) {
                throw invalid("at " + s + " is in the future; a snapshot can only close the past");
            }
            Instant latest = single(c, "SELECT max(snapshot_at) FROM stock_snapshot_run");
            if (latest != null && !s.isAfter(latest)) {
                throw invalid("at " + s + " is not after the latest snapshot " + latest);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_snapshot_run (snapshot_at, row_count, created_by)"
                    + " VALUES (?, 0, ?)")) {
                ps.setTimestamp(1, Timestamp.from(s));
                ps.setString(2, user);
                ps.executeUpdate();
            }
            int rows;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_snapshot (snapshot_at, sku, warehouse, location,"
                    + " lot, quantity, unit) SELECT ?, sku, warehouse, location, lot, quantity, unit FROM (" + asOfSql() + ") a"
                    // Written in report order, so reading it in that order (AsOfLevels) walks the table front to back.
                    + " ORDER BY warehouse COLLATE \"C\", location COLLATE \"C\", sku COLLATE \"C\", lot COLLATE \"C\"")) {
                ps.setTimestamp(1, Timestamp.from(s));
                bindAsOf(ps, 2, latest, s, new StockQuery.Levels(null, null, null));
                rows = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE stock_snapshot_run SET row_count = ? WHERE snapshot_at = ?")) {
                ps.setInt(1, rows);
                ps.setTimestamp(2, Timestamp.from(s));
                ps.executeUpdate();
            }
            return new SnapshotView(s, rows, user, now);
        });
    }

    /** Snapshots, newest first. */
    public List<SnapshotView> list(int limit) throws SQLException {
        List<SnapshotView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT snapshot_at, row_count, created_by, created_at"
                     + " FROM stock_snapshot_run ORDER BY snapshot_at DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SnapshotView(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return out;
    }

    /** Non-zero levels as of {@code asOf} (ledger rows recorded at or before it), in {@link AsOfLevels#REPORT_ORDER}. */
    public List<StockLevelView> levelsAsOf(StockQuery.Levels q, Instant asOf) throws SQLException {
        List<StockLevelView> out;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // One snapshot of the database for both statements, so a snapshot committed in between does not count twice.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (Statement st = c.createStatement()) {
                    // The aggregate of the changes since the snapshot, or of the whole ledger when there is no
                    // snapshot, holds one entry per key; at the default 4 MB it spills to disk in batches.
                    // SET LOCAL ends with this read-only transaction.
                    st.execute("SET LOCAL work_mem = '" + AS_OF_WORK_MEM + "'");
                }
                Instant base;
                try (PreparedStatement ps = c.prepareStatement("SELECT max(snapshot_at) FROM stock_snapshot_run WHERE snapshot_at <= ?")) {
                    ps.setTimestamp(1, Timestamp.from(asOf));
                    base = instant(ps);
                }
                out = AsOfLevels.read(c, base, asOf, q);
            } finally {
                c.rollback();
            }
        }
        return out;
    }


    /**
     * Parameters: base snapshot time (null: none), then the filters, then base again, asOf, then the
     * filters again. The filters are repeated in both branches so each one reads by index.
     */
    private static String asOfSql() {
        String filters = AsOfLevels.FILTERS;
        return "SELECT sku, warehouse, location, lot, SUM(quantity) AS quantity, MAX(unit) AS unit FROM ("
                + "SELECT sku, warehouse, location, lot, quantity, unit FROM stock_snapshot WHERE snapshot_at = ?::timestamptz"
                + filters
                + " UNION ALL SELECT sku, warehouse, location, lot, quantity, unit FROM stock_ledger"
                + " WHERE recorded_at > COALESCE(?::timestamptz, '-infinity'::timestamptz) AND recorded_at <= ?" + filters
                + ") x GROUP BY warehouse, location, sku, lot HAVING SUM(quantity) <> 0";
    }

    private static void bindAsOf(PreparedStatement ps, int first, Instant base, Instant asOf, StockQuery.Levels q)
            throws SQLException {
        Timestamp b = base == null ? null : Timestamp.from(base);
        ps.setTimestamp(first, b);
        AsOfLevels.bindFilters(ps, first + 1, q);
        ps.setTimestamp(first + 7, b);
        ps.setTimestamp(first + 8, Timestamp.from(asOf));
        AsOfLevels.bindFilters(ps, first + 9, q);
    }

    private static Instant single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return instant(ps);
        }
    }

    private static Instant instant(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        }
    }
}
