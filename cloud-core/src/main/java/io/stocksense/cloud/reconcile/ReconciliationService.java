package io.stocksense.cloud.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stocksense.cloud.inventory.domain.InvalidStockRequestException;
import io.stocksense.cloud.web.ApiJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API side of reconciliation: {@code POST /observations} and {@code POST /inventory/reconcile},
 * each one transaction. Blocking; call from a worker thread.
 */
public final class ReconciliationService {

    private final DataSource dataSource;
    private final Reconciler reconciler;

    public ReconciliationService(DataSource dataSource, Reconciler reconciler) {
        this.dataSource = dataSource;
        this.reconciler = reconciler;
    }

    /** Records and compares one observation; an unknown SKU or location is a 400. */
    public ObservationView observe(ShelfObservation o) throws SQLException {
        return inTransaction(c -> {
            Optional<String> problem = reconciler.check(c, o);
            if (problem.isPresent()) {
                throw new InvalidStockRequestException(problem.get());
            }
            return List.of(reconciler.observe(c, o));
        }).get(0);
    }

    /** Compares the latest observation of every shelf key with the ledger as it is now. */
    public List<ObservationView> reconcileAll() throws SQLException {
        return inTransaction(c -> {
            List<ObservationView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (warehouse, location, sku) id, device_id, sku,"
                    + " warehouse, location, count, evidence::text FROM shelf_observation"
                    + " ORDER BY warehouse, location, sku, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reconciler.compare(c, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBigDecimal(6), ApiJson.MAPPER.readTree(rs.getString(7))));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("shelf_observation.evidence is not JSON: " + e.getOriginalMessage(), "XX000", e);
            }
            return out;
        });
    }

    private interface Work {
        List<ObservationView> run(Connection c) throws SQLException;
    }

    private List<ObservationView> inTransaction(Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<ObservationView> out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
