package io.stocksense.cloud.catalog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from optional filters, with its parameters, plus the paged query and the count
 * over the same clause. {@code q} matches case-insensitively anywhere in any of the given columns.
 */
public final class SqlSearch {

    /** Reads one row of a result set. */
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final List<Object> params = new ArrayList<>();

    SqlSearch text(String q, String... expressions) {
        if (q == null) {
            return this;
        }
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        where.append(" AND (");
        for (int i = 0; i < expressions.length; i++) {
            where.append(i == 0 ? "" : " OR ").append(expressions[i]).append(" ILIKE ? ESCAPE '\\'");
            params.add(pattern);
        }
        where.append(')');
        return this;
    }

    SqlSearch equal(String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
        return this;
    }

    <T> List<T> page(Connection c, String select, String orderBy, int page, int size, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
            int i = bind(ps);
            ps.setInt(i, size);
            ps.setLong(i + 1, (long) (page - 1) * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + where)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}
