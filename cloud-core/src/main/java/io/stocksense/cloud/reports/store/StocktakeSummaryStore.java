package io.stocksense.cloud.reports.store;

import io.stocksense.cloud.reports.api.StocktakeSummary;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stocktakes, newest first, with their line counts, for the stocktake page's list (the stocktake
 * resource itself has no list). Read-only; blocking JDBC, call from a worker thread.
 */
public final class StocktakeSummaryStore {

    private static final String SQL = "SELECT s.id, s.warehouse, s.zone, s.status, s.snapshot_at, s.created_by, s.posted_at,"
            + " s.posted_by, count(l.sku), count(l.counted), count(*) FILTER (WHERE l.counted IS NOT NULL AND l.counted <> l.expected)"
            + " FROM stocktake s LEFT JOIN stocktake_line l ON l.stocktake_id = s.id"
            + " WHERE (?::text IS NULL OR s.status = ?) AND (?::text IS NULL OR s.warehouse = ?)"
            + " GROUP BY s.id ORDER BY s.id DESC LIMIT ?";

    private final DataSource dataSource;

    public StocktakeSummaryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stocktakes with {@code status} (null: any) in {@code warehouse} (null: all), at most {@code limit}. */
    public List<StocktakeSummary> list(String status, String warehouse, int limit) throws SQLException {
        List<StocktakeSummary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, status);
            ps.setString(2, status);
            ps.setString(3, warehouse);
            ps.setString(4, warehouse);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StocktakeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8),
                            rs.getLong(9), rs.getLong(10), rs.getLong(11)));
                }
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
