package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StocktakeCount;
import io.stocksense.cloud.inventory.api.StocktakeView;
import io.stocksense.cloud.inventory.domain.StockConflictException;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.domain.StockValuation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Stocktakes: freeze the expected quantities of some locations at an instant T, record counts, post
 * the variances.
 *
 * <p>Why counting does not block the warehouse: the expected quantities are the stock levels read in
 * ONE MVCC snapshot (a REPEATABLE READ transaction that also takes T), so they contain exactly the
 * movements committed before T and none after. Posting writes one adjustment row per line of
 * {@code counted - expected}, which corrects the stock at T and leaves every later movement as it
 * was: final = stock at T + variance + movements after T. The counters must therefore count what was
 * there at T (e.g. freeze the shelf they are counting, or count before later picks of that shelf).
 *
 * <p>Blocking; call from a worker thread.
 */
public final class StocktakeStore {

    public static final String CAUSE = "stocktake";

    private final DataSource dataSource;
    private final Transactions tx;
    private final StockPoster poster = new StockPoster();
    private final StocktakeReader reader = new StocktakeReader();

    private final StockValuation valuation;

    public StocktakeStore(DataSource dataSource, StockValuation valuation) {
        this.dataSource = dataSource;
        this.valuation = valuation;
        this.tx = new Transactions(dataSource);
    }

    /** Creates a stocktake of a zone or of explicit locations, with its expected quantities as of now. */
    public StocktakeView create(String warehouse, String zone, List<String> locations, String user) throws SQLException {
        if ((zone == null) == (locations == null || locations.isEmpty())) {
            throw invalid("give either zone or a non-empty locations list");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                StockRequestChecks.warehouse(c, warehouse);
                List<String> scope = zone != null ? zoneLocations(c, warehouse, zone) : locations;
                for (String l : scope) {
                    StockRequestChecks.location(c, "locations", warehouse, l);
                }
                long id = insertHeader(c, warehouse, zone, scope, user);
                freezeExpected(c, id, warehouse, scope);
                StocktakeView view = reader.read(c, id).orElseThrow();
                c.commit();
                return view;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Optional<StocktakeView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return reader.read(c, id);
        }
    }

    /**
     * Records counts (the last count of a line wins). A key the stocktake did not expect becomes a line
     * expected 0 (nothing of it was in stock at T), provided its location is in scope.
     */
    public Optional<StocktakeView> count(long id, List<StocktakeCount> counts, List<String> unresolvedEpcs, String user)
            throws SQLException {
        return tx.run(c -> {
            Optional<Header> h = lockHeader(c, id);
            if (h.isEmpty()) {
                return Optional.empty();
            }
            refuseIfPosted(id, h.get());
            for (StocktakeCount k : counts) {
                if (k.counted().signum() < 0 || k.counted().stripTrailingZeros().scale() > StockRequestChecks.MAX_SCALE) {
                    throw invalid("counted must be zero or positive with at most three decimals, was "
                            + k.counted().toPlainString());
                }
                if (!h.get().locations.contains(k.location())) {
                    throw invalid("location " + k.location() + " is not counted by stocktake " + id);
                }
                String unit = StockRequestChecks.productUnit(c, k.sku(), null);
                upsertCount(c, id, k, unit, user);
            }
            markCountedWhenComplete(c, id);
            return reader.read(c, id).map(v -> withUnresolved(v, unresolvedEpcs));
        });
    }

    /** Records the counts of an RFID sweep of one location: one item per distinct SGTIN tag. */
    public Optional<StocktakeView> countEpcs(long id, String location, List<String> epcs, String user) throws SQLException {
        EpcSweep.Result sweep;
        try (Connection c = dataSource.getConnection()) {
            sweep = EpcSweep.resolve(c, location, epcs);
            String warehouse = warehouseOf(c, id);
            if (warehouse != null) {
                EpcSightings.record(c, epcs, "stocktake", Long.toString(id), null, "stocktake-sweep", warehouse, location,
                        java.time.Instant.now(), Map.of("user", user));
            }
        }
        return count(id, sweep.counts(), sweep.unresolved(), user);
    }

    /**
     * Posts one adjustment per non-zero variance, valued and journalled as inventory gains and losses;
     * a stocktake posts once (409 after).
     */
    public Optional<StocktakeView> post(long id, String reason, String user) throws SQLException {
        return tx.run(c -> {
            Optional<Header> h = lockHeader(c, id);
            if (h.isEmpty()) {
                return Optional.empty();
            }
            refuseIfPosted(id, h.get());
            List<StockOperation.Line> lines = new ArrayList<>();
            for (StocktakeView.Line l : reader.read(c, id).orElseThrow().lines()) {
                if (l.variance() != null && l.variance().signum() != 0) {
                    StockKey key = new StockKey(l.sku(), h.get().warehouse, l.location(), l.lot());
                    lines.add(new StockOperation.Line(key, l.variance(), l.unit(), "STOCKTAKE"));
                }
            }
            if (!lines.isEmpty()) {
                StockOperation op = new StockOperation(CAUSE, CAUSE + ":" + id, reason, user, lines);
                poster.post(c, op);
                valuation.value(c, StockValuation.GAIN_OR_LOSS, op);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE stocktake SET status = 'posted', posted_at = now(),"
                    + " posted_by = ?, reason = ? WHERE id = ?")) {
                ps.setString(1, user);
                ps.setString(2, reason);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return reader.read(c, id);
        });
    }

    private static List<String> zoneLocations(Connection c, String warehouse, String zone) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM location WHERE warehouse = ? AND zone = ? ORDER BY code")) {
            ps.setString(1, warehouse);
            ps.setString(2, zone);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        if (out.isEmpty()) {
            throw invalid("zone " + zone + " of warehouse " + warehouse + " has no locations");
        }
        return out;
    }

    private static long insertHeader(Connection c, String warehouse, String zone, List<String> scope, String user)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stocktake (warehouse, zone, locations, status, snapshot_at,"
                + " created_by) VALUES (?, ?, ?, 'open', clock_timestamp(), ?) RETURNING id")) {
            ps.setString(1, warehouse);
            ps.setString(2, zone);
            ps.setArray(3, c.createArrayOf("text", scope.toArray()));
            ps.setString(4, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void freezeExpected(Connection c, long id, String warehouse, List<String> scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stocktake_line (stocktake_id, sku, location, lot, unit,"
                + " expected) SELECT ?, sku, location, lot, unit, quantity FROM stock_level"
                + " WHERE warehouse = ? AND location = ANY (?) AND quantity <> 0")) {
            ps.setLong(1, id);
            ps.setString(2, warehouse);
            ps.setArray(3, c.createArrayOf("text", scope.toArray()));
            ps.executeUpdate();
        }
    }

    private static void upsertCount(Connection c, long id, StocktakeCount k, String unit, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stocktake_line (stocktake_id, sku, location, lot, unit,"
                + " expected, counted, counted_by, counted_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, now())"
                + " ON CONFLICT (stocktake_id, sku, location, lot) DO UPDATE SET counted = EXCLUDED.counted,"
                + " counted_by = EXCLUDED.counted_by, counted_at = EXCLUDED.counted_at")) {
            ps.setLong(1, id);
            ps.setString(2, k.sku());
            ps.setString(3, k.location());
            ps.setString(4, k.lot() == null ? "" : k.lot());
            ps.setString(5, unit);
            ps.setBigDecimal(6, k.counted());
            ps.setString(7, user);
            ps.executeUpdate();
        }
    }

    private static void markCountedWhenComplete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stocktake SET status = 'counted' WHERE id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM stocktake_line WHERE stocktake_id = ? AND counted IS NULL)")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static Optional<Header> lockHeader(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT warehouse, locations, status FROM stocktake WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> locs = List.of((String[]) rs.getArray(2).getArray());
                return Optional.of(new Header(rs.getString(1), locs, rs.getString(3)));
            }
        }
    }

    private static void refuseIfPosted(long id, Header h) {
        if ("posted".equals(h.status)) {
            throw new StockConflictException("stocktake-posted", "Stocktake already posted",
                    "stocktake " + id + " is posted; its counts and variances can no longer change", Map.of("id", id));
        }
    }

    private static StocktakeView withUnresolved(StocktakeView v, List<String> unresolved) {
        return new StocktakeView(v.id(), v.warehouse(), v.zone(), v.locations(), v.status(), v.snapshotAt(), v.createdBy(),
                v.postedAt(), v.postedBy(), v.reason(), v.lines(), unresolved == null ? List.of() : List.copyOf(unresolved));
    }

    private record Header(String warehouse, List<String> locations, String status) {
    }

    private static String warehouseOf(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT warehouse FROM stocktake WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
