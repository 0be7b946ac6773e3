package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.api.Page;
import io.stocksense.cloud.catalog.domain.CsvImportPlan;
import io.stocksense.cloud.catalog.domain.ImportResult;
import io.stocksense.cloud.catalog.domain.MasterDataConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CRUD, search and bulk upsert for one master-data table keyed by a single text column (products,
 * customers, suppliers). Blocking; call from a worker thread. A duplicate key on create and a delete
 * of a record still in use are {@link MasterDataConflictException}s; other SQL failures propagate.
 */
public final class KeyedTable<T> {

    /** Binds a record to the INSERT's parameters 1..n, in {@link Definition#columns()} order. */
    public interface Binder<T> {
        void bind(Connection c, PreparedStatement ps, T value) throws SQLException;
    }

    /**
     * What differs between tables. {@code columns} starts with the key; {@code inUseSql} (or null)
     * takes the key as its only parameter and returns one boolean: true when rows elsewhere refer to it.
     */
    public record Definition<T>(String table, String noun, String path, List<String> columns, List<String> searchable,
                                Binder<T> binder, SqlSearch.RowMapper<T> mapper, Function<T, String> key, String inUseSql) {
    }

    /** Rows per transaction on import: small enough to keep locks short, large enough to amortise round trips. */
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final Definition<T> def;
    private final String select;
    private final String insert;
    private final String upsert;

    public KeyedTable(DataSource dataSource, Definition<T> def) {
        this.dataSource = dataSource;
        this.def = def;
        String cols = String.join(", ", def.columns());
        String params = String.join(", ", Collections.nCopies(def.columns().size(), "?"));
        this.select = "SELECT " + cols + " FROM " + def.table();
        this.insert = "INSERT INTO " + def.table() + " (" + cols + ") VALUES (" + params + ")";
        this.upsert = insert + " ON CONFLICT (" + def.columns().get(0) + ") DO UPDATE SET "
                + def.columns().stream().skip(1).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                + ", updated_at = now()";
    }

    /** A page of records whose searchable columns contain {@code q} (case-insensitive), ordered by key. */
    public Page<T> search(String q, Boolean active, int page, int size) throws SQLException {
        SqlSearch s = new SqlSearch().text(q, def.searchable().toArray(String[]::new)).equal("active", active);
        try (Connection c = dataSource.getConnection()) {
            return new Page<>(s.page(c, select, def.columns().get(0), page, size, def.mapper()), s.count(c, def.table()), page, size);
        }
    }

    /** Every record by key, for export. */
    public List<T> all() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new SqlSearch().page(c, select, def.columns().get(0), 1, Integer.MAX_VALUE, def.mapper());
        }
    }

    public Optional<T> find(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(select + " WHERE " + def.columns().get(0) + " = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(def.mapper().map(rs)) : Optional.empty();
            }
        }
    }

    public void create(T value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            def.binder().bind(c, ps, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                String key = def.key().apply(value);
                throw new MasterDataConflictException("a " + def.noun() + " '" + key + "' already exists; use PUT or PATCH "
                        + def.path() + "/" + key + " to change it");
            }
            throw e;
        }
    }

    /** Replaces a stored record; false when there is none with that key. */
    public boolean update(T value) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, def.key().apply(value))) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                def.binder().bind(c, ps, value);
                ps.executeUpdate();
            }
            return true;
        }
    }

    /** Deletes a record nothing refers to; false when there is none; 409 (conflict) while it is in use. */
    public boolean delete(String key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (def.inUseSql() != null) {
                try (PreparedStatement ps = c.prepareStatement(def.inUseSql())) {
                    for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                        ps.setString(i, key);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            throw new MasterDataConflictException(def.noun() + " '" + key + "' is referred to by stock ledger"
                                    + " rows and cannot be deleted; PATCH it with {\"active\": false} to retire it");
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + def.table() + " WHERE " + def.columns().get(0) + " = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate() == 1;
            }
        }
    }

    /** Inserts new records and updates changed ones, one transaction per chunk of 500; equal rows are left alone. */
    public ImportResult upsertAll(CsvImportPlan<T> plan) throws SQLException {
        List<T> values = plan.good();
        int imported = 0;
        int updated = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int from = 0; from < values.size(); from += CHUNK) {
                    List<T> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
                    Map<String, T> stored = lockExisting(c, chunk);
                    try (PreparedStatement ps = c.prepareStatement(upsert)) {
                        for (T v : chunk) {
                            T old = stored.get(def.key().apply(v));
                            if (!v.equals(old)) {
                                def.binder().bind(c, ps, v);
                                ps.addBatch();
                                imported += old == null ? 1 : 0;
                                updated += old == null ? 0 : 1;
                            }
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return new ImportResult(plan.rows(), imported, updated, values.size() - imported - updated, plan.rejected());
    }

    private Map<String, T> lockExisting(Connection c, List<T> chunk) throws SQLException {
        Map<String, T> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE " + def.columns().get(0) + " = ANY (?) FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", chunk.stream().map(def.key()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T v = def.mapper().map(rs);
                    out.put(def.key().apply(v), v);
                }
            }
        }
        return out;
    }

    private boolean exists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + def.table() + " WHERE " + def.columns().get(0) + " = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
