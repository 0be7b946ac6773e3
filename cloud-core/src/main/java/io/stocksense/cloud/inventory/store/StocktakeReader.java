package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StocktakeView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a stocktake and its lines (ordered by location, SKU, lot) on the caller's connection. */
final class StocktakeReader {

    Optional<StocktakeView> read(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT warehouse, zone, locations, status, snapshot_at, created_by,"
                + " posted_at, posted_by, reason FROM stocktake WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StocktakeView(id, rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9), lines(c, id), List.of()));
            }
        }
    }

    private static List<StocktakeView.Line> lines(Connection c, long id) throws SQLException {
        List<StocktakeView.Line> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sku, location, lot, unit, expected, counted FROM stocktake_line"
                + " WHERE stocktake_id = ? ORDER BY location, sku, lot")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lot = rs.getString(3);
                    var expected = rs.getBigDecimal(5);
                    var counted = rs.getBigDecimal(6);
                    out.add(new StocktakeView.Line(rs.getString(1), rs.getString(2), lot.isEmpty() ? null : lot,
                            rs.getString(4), LedgerStore.plain(expected), counted == null ? null : LedgerStore.plain(counted),
                            counted == null ? null : LedgerStore.plain(counted.subtract(expected))));
                }
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
