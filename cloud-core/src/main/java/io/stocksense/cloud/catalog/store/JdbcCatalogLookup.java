package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.domain.CatalogLookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link CatalogLookup} on the ingest transaction's own connection, so validation sees the same
 * snapshot the postings are written in. SQL failures surface as {@link LookupFailedException}.
 */
public final class JdbcCatalogLookup implements CatalogLookup {

    private final Connection connection;

    public JdbcCatalogLookup(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<String> productUnit(String sku) {
        return Optional.ofNullable(single("SELECT unit FROM product WHERE sku = ?", sku));
    }

    @Override
    public boolean warehouseExists(String warehouse) {
        return single("SELECT code FROM warehouse WHERE code = ?", warehouse) != null;
    }

    @Override
    public boolean locationExists(String warehouse, String location) {
        return single("SELECT code FROM location WHERE warehouse = ? AND code = ?", warehouse, location) != null;
    }

    @Override
    public boolean zoneExists(String warehouse, String zone) {
        return single("SELECT code FROM zone WHERE warehouse = ? AND code = ?", warehouse, zone) != null;
    }

    private String single(String sql, String... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new LookupFailedException(e);
        }
    }

    /** The database failed while looking up master data. */
    public static final class LookupFailedException extends RuntimeException {
        public LookupFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
