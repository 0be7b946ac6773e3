package io.stocksense.cloud.purchasing.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.MasterDataChecks;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.purchasing.api.RequisitionView;
import io.stocksense.cloud.web.ApiJson;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Requisitions: requests to buy a quantity of a SKU for a warehouse, made by hand or from a forecast
 * suggestion ({@code detail} keeps the forecast and its backtest error). A purchase order created
 * with {@code requisitions: [ids]} marks them ordered; cancelling that order opens them again.
 * Blocking; call from a worker thread.
 */
public final class RequisitionStore {

    private final DataSource dataSource;
    private final Transactions tx;

    public RequisitionStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    public RequisitionView create(String sku, String warehouse, BigDecimal quantity, String supplier, LocalDate neededBy,
                                  String note, String user) throws SQLException {
        return tx.run(c -> create(c, sku, warehouse, quantity, supplier, neededBy, note, "manual", null, user));
    }

    /** Creates a requisition on the caller's transaction; {@code detail} is any JSON (or null). */
    public RequisitionView create(Connection c, String sku, String warehouse, BigDecimal quantity, String supplier,
                                  LocalDate neededBy, String note, String source, JsonNode detail, String user) throws SQLException {
        StockRequestChecks.quantity(quantity, true);
        String unit = StockRequestChecks.productUnit(c, sku, null);
        StockRequestChecks.warehouse(c, warehouse);
        if (supplier != null) {
            MasterDataChecks.supplier(c, supplier);
        }
        long id = Sql.insert(c, "INSERT INTO requisition (sku, warehouse, quantity, unit, supplier, needed_by, source, status,"
                        + " note, detail, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?::jsonb, ?) RETURNING id",
                sku, warehouse, quantity, unit, supplier, neededBy, source, note,
                ApiJson.write(detail == null ? ApiJson.MAPPER.createObjectNode() : detail), user);
        return load(c, id).orElseThrow();
    }

    public List<RequisitionView> list(String status, String sku, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT * FROM requisition WHERE (?::text IS NULL OR status = ?) AND (?::text IS NULL OR sku = ?)"
                    + " ORDER BY id DESC LIMIT ?", RequisitionStore::view, status, status, sku, sku, limit);
        }
    }

    public Optional<RequisitionView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return load(c, id);
        }
    }

    public Optional<RequisitionView> cancel(long id) throws SQLException {
        return tx.run(c -> {
            Optional<String> status = Sql.one(c, "SELECT status FROM requisition WHERE id = ? FOR UPDATE", rs -> rs.getString(1), id);
            if (status.isEmpty()) {
                return Optional.empty();
            }
            if (!status.get().equals("open")) {
                throw DocumentConflicts.wrongStatus("requisition " + id, status.get(), "cancelled", "open");
            }
            Sql.update(c, "UPDATE requisition SET status = 'cancelled' WHERE id = ?", id);
            return load(c, id);
        });
    }

    private static Optional<RequisitionView> load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM requisition WHERE id = ?", RequisitionStore::view, id);
    }

    private static RequisitionView view(ResultSet rs) throws SQLException {
        long po = rs.getLong("po_id");
        Long poId = rs.wasNull() ? null : po;
        try {
            return new RequisitionView(rs.getLong("id"), rs.getString("sku"), rs.getString("warehouse"),
                    Amounts.plain(rs.getBigDecimal("quantity")), rs.getString("unit"), rs.getString("supplier"),
                    Sql.date(rs, "needed_by"), rs.getString("source"), rs.getString("status"), rs.getString("note"),
                    ApiJson.MAPPER.readTree(rs.getString("detail")), poId, rs.getString("created_by"), Sql.instant(rs, "created_at"));
        } catch (JsonProcessingException e) {
            throw new SQLException("requisition.detail is not JSON: " + e.getOriginalMessage(), "XX000", e);
        }
    }
}
