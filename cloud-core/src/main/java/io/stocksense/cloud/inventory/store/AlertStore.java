package io.stocksense.cloud.inventory.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stocksense.cloud.inventory.api.AlertView;
import io.stocksense.cloud.web.ApiJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inventory alerts: written inside the posting transaction that caused them, read by the API. */
public final class AlertStore {

    public static final String NEGATIVE_STOCK = "negative-stock";

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an alert on the caller's connection and transaction. */
    public static void raise(Connection c, String kind, String sku, String warehouse, String location, Map<String, ?> detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_alert (kind, sku, warehouse, location, detail)"
                + " VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, kind);
            ps.setString(2, sku);
            ps.setString(3, warehouse);
            ps.setString(4, location);
            ps.setString(5, ApiJson.write(detail));
            ps.executeUpdate();
        }
    }

    /** Alerts newest first; {@code sku} and {@code kind} filter when not null, {@code openOnly} leaves out resolved ones. */
    public List<AlertView> latest(String sku, String kind, boolean openOnly, int limit) throws SQLException {
        List<AlertView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, kind, sku, warehouse, location, detail::text, created_at,"
                     + " resolved_at FROM inventory_alert WHERE (?::text IS NULL OR sku = ?) AND (?::text IS NULL OR kind = ?)"
                     + " AND (NOT ? OR resolved_at IS NULL)"
                     + " ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, sku);
            ps.setString(2, sku);
            ps.setString(3, kind);
            ps.setString(4, kind);
            ps.setBoolean(5, openOnly);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp resolved = rs.getTimestamp(8);
                    out.add(new AlertView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), ApiJson.MAPPER.readTree(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                            resolved == null ? null : resolved.toInstant()));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("inventory_alert.detail is not JSON: " + e.getOriginalMessage(), "XX000", e);
            }
        }
        return out;
    }
}
