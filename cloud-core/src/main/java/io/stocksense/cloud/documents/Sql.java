package io.stocksense.cloud.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Small JDBC helpers for the document stores: positional parameters bound by type (dates, instants,
 * text arrays, null), rows mapped by a lambda. Runs on the caller's connection and transaction.
 */
public final class Sql {

    private Sql() {
    }

    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> all = list(c, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Runs an {@code INSERT ... RETURNING id}. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), args).orElseThrow();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.LocalDate.class);
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int p = i + 1;
            if (a == null) {
                ps.setNull(p, Types.NULL);
            } else if (a instanceof Instant t) {
                ps.setTimestamp(p, Timestamp.from(t));
            } else if (a instanceof Collection<?> col) {
                ps.setArray(p, c.createArrayOf("text", col.stream().map(String::valueOf).toArray()));
            } else {
                ps.setObject(p, a);
            }
        }
    }
}
