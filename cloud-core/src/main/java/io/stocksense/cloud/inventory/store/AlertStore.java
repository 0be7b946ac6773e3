package io.stocksense.cloud.inventory.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stocksense.cloud.inventory.api.AlertEvaluation;
import io.stocksense.cloud.inventory.api.AlertSettings;
import io.stocksense.cloud.inventory.api.AlertView;
import io.stocksense.cloud.inventory.domain.StockScope;
import io.stocksense.cloud.web.ApiJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Inventory alerts: events written inside the posting transaction that caused them ({@code negative-stock},
 * {@code variance}, {@code shrinkage}), and stock conditions ({@code low-stock}, {@code overstock},
 * {@code expiring-lot}, {@code expired-lot}) kept in line with the stock by {@link StockConditions}.
 *
 * <p>Blocking; call from a worker thread.
 */
public final class AlertStore {

    public static final String NEGATIVE_STOCK = "negative-stock";
    /** The kinds {@link #evaluate} maintains. */
    public static final List<String> CONDITION_KINDS = List.of(StockConditions.LOW_STOCK, StockConditions.OVERSTOCK,
            StockConditions.EXPIRING_LOT, StockConditions.EXPIRED_LOT);

    private final DataSource dataSource;
    private final Transactions tx;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
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

    /**
     * Re-evaluates the stock conditions of {@code scopes} on the caller's connection, inside the posting
     * transaction that changed their stock (see {@link StockConditions} for why this is exact under concurrency).
     */
    static AlertEvaluation evaluate(Connection c, Collection<StockScope> scopes) throws SQLException {
        return StockConditions.evaluate(c, scopes, today());
    }

    /** Re-evaluates the stock conditions of {@code scopes} in a transaction of its own (after ingest committed). */
    public AlertEvaluation evaluate(Collection<StockScope> scopes) throws SQLException {
        return tx.run(c -> StockConditions.evaluate(c, scopes, today()));
    }

    /** Re-evaluates every SKU × warehouse (the periodic job and {@code POST /api/v1/inventory/alerts/evaluate}). */
    public AlertEvaluation evaluateAll() throws SQLException {
        return tx.run(c -> StockConditions.evaluate(c, null, today()));
    }

    /** Lots expire by calendar date; the day is the UTC one, like the daily closing snapshot. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public AlertSettings settings() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return settings(c);
        }
    }

    static AlertSettings settings(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT expiring_within_days, updated_by, updated_at"
                + " FROM inventory_alert_settings");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("inventory_alert_settings has no row (V61 inserts it)", "XX000");
            }
            return new AlertSettings(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant());
        }
    }

    /** Sets the expiring-lot horizon and re-evaluates every scope with it. */
    public AlertSettings updateSettings(int expiringWithinDays, String user) throws SQLException {
        if (expiringWithinDays < 0 || expiringWithinDays > 3650) {
            throw invalid("expiringWithinDays must be between 0 and 3650, was " + expiringWithinDays);
        }
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inventory_alert_settings SET expiring_within_days = ?,"
                    + " updated_by = ?, updated_at = now()")) {
                ps.setInt(1, expiringWithinDays);
                ps.setString(2, user);
                ps.executeUpdate();
            }
            StockConditions.evaluate(c, null, today());
            return settings(c);
        });
    }

    /**
     * Alerts newest first; {@code sku}, {@code kind} and {@code warehouse} filter when not null,
     * {@code openOnly} leaves out resolved ones.
     */
    public List<AlertView> latest(String sku, String kind, String warehouse, boolean openOnly, int limit) throws SQLException {
        List<AlertView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, kind, sku, warehouse, location, lot, detail::text, created_at,"
                     + " resolved_at FROM inventory_alert WHERE (?::text IS NULL OR sku = ?) AND (?::text IS NULL OR kind = ?)"
                     + " AND (?::text IS NULL OR warehouse = ?) AND (NOT ? OR resolved_at IS NULL)"
                     + " ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, sku);
            ps.setString(2, sku);
            ps.setString(3, kind);
            ps.setString(4, kind);
            ps.setString(5, warehouse);
            ps.setString(6, warehouse);
            ps.setBoolean(7, openOnly);
            ps.setInt(8, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp resolved = rs.getTimestamp(9);
                    String lot = rs.getString(6);
                    out.add(new AlertView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), lot.isEmpty() ? null : lot, ApiJson.MAPPER.readTree(rs.getString(7)),
                            rs.getTimestamp(8).toInstant(), resolved == null ? null : resolved.toInstant()));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("inventory_alert.detail is not JSON: " + e.getOriginalMessage(), "XX000", e);
            }
        }
        return out;
    }
}
