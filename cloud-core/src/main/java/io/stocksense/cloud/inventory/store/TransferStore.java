package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.MovementView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.api.TransferRequest;
import io.stocksense.cloud.inventory.api.TransferView;
import io.stocksense.cloud.inventory.domain.StockConflictException;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Transfers between warehouses, in two steps. Shipping posts the source location −q and the
 * destination warehouse's virtual {@link StockKey#TRANSIT} location +q; receiving posts TRANSIT −q and
 * the destination location +q. Each step is one transaction that first locks the transfer row
 * ({@code FOR UPDATE}), so a transfer is shipped or received at most once even when two requests race.
 *
 * <p>Blocking; call from a worker thread. Errors as in {@link InventoryCommands}.
 */
public final class TransferStore {

    private static final String COLUMNS = "id, status, sku, lot, quantity, unit, from_warehouse, from_location, to_warehouse,"
            + " to_location, note, created_by, created_at, shipped_by, shipped_at, received_by, received_at";

    private final Transactions tx;
    private final DataSource dataSource;
    private final StockPoster poster = new StockPoster();

    public TransferStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    /** Creates the transfer and, unless {@code r.ship()} is false, ships it in the same transaction. */
    public TransferView create(TransferRequest r, String user) throws SQLException {
        StockRequestChecks.quantity(r.quantity(), true);
        if (r.fromWarehouse().equals(r.toWarehouse())) {
            throw invalid("fromWarehouse and toWarehouse are both " + r.fromWarehouse() + "; use POST /api/v1/moves");
        }
        return tx.run(c -> {
            String unit = StockRequestChecks.productUnit(c, r.sku(), r.unit());
            StockRequestChecks.location(c, "fromLocation", r.fromWarehouse(), r.fromLocation());
            StockRequestChecks.location(c, "toLocation", r.toWarehouse(), r.toLocation());
            long id = insert(c, r, unit, user);
            if (r.ship()) {
                ship(c, id, user);
            }
            return load(c, id, false).orElseThrow();
        });
    }

    /** Ships a draft: stock leaves the source into the destination's TRANSIT location. */
    public Optional<TransferView> ship(long id, String user) throws SQLException {
        return tx.run(c -> load(c, id, true).isEmpty() ? Optional.empty() : Optional.of(ship(c, id, user)));
    }

    /** Books a shipped transfer in at its destination location. */
    public Optional<TransferView> receive(long id, String user) throws SQLException {
        return tx.run(c -> {
            Optional<TransferView> t = load(c, id, true);
            if (t.isEmpty()) {
                return t;
            }
            TransferView v = t.get();
            requireStatus(v, "shipped", "received");
            StockKey transit = new StockKey(v.sku(), v.toWarehouse(), StockKey.TRANSIT, v.lot());
            StockKey to = new StockKey(v.sku(), v.toWarehouse(), v.toLocation(), v.lot());
            poster.post(c, new StockOperation(StockOperation.TRANSFER, ref(id), v.note(), user, List.of(
                    new StockOperation.Line(transit, v.quantity().negate(), v.unit(), "TRANSFER_RECEIVE_OUT"),
                    new StockOperation.Line(to, v.quantity(), v.unit(), "TRANSFER_RECEIVE_IN"))));
            setStatus(c, id, "received", user);
            return load(c, id, false);
        });
    }

    public Optional<TransferView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return load(c, id, false);
        }
    }

    /** Newest first, optionally of one status. */
    public List<TransferView> list(String status, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stock_transfer WHERE (?::text IS NULL OR status = ?)"
                    + " ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, status);
                ps.setString(2, status);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<TransferView> out = new ArrayList<>();
            for (long id : ids) {
                load(c, id, false).ifPresent(out::add);
            }
            return out;
        }
    }

    private TransferView ship(Connection c, long id, String user) throws SQLException {
        TransferView v = load(c, id, true).orElseThrow();
        requireStatus(v, "draft", "shipped");
        StockKey from = new StockKey(v.sku(), v.fromWarehouse(), v.fromLocation(), v.lot());
        StockKey transit = new StockKey(v.sku(), v.toWarehouse(), StockKey.TRANSIT, v.lot());
        poster.post(c, new StockOperation(StockOperation.TRANSFER, ref(id), v.note(), user, List.of(
                new StockOperation.Line(from, v.quantity().negate(), v.unit(), "TRANSFER_SHIP_OUT"),
                new StockOperation.Line(transit, v.quantity(), v.unit(), "TRANSFER_SHIP_IN"))));
        setStatus(c, id, "shipped", user);
        return load(c, id, false).orElseThrow();
    }

    private static void requireStatus(TransferView v, String expected, String next) {
        if (!v.status().equals(expected)) {
            throw new StockConflictException("transfer-status", "Transfer in the wrong status", "transfer " + v.id()
                    + " is " + v.status() + "; only a " + expected + " transfer can be " + next,
                    Map.of("status", v.status()));
        }
    }

    private static long insert(Connection c, TransferRequest r, String unit, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_transfer (sku, lot, quantity, unit, from_warehouse,"
                + " from_location, to_warehouse, to_location, note, status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?)"
                + " RETURNING id")) {
            ps.setString(1, r.sku());
            ps.setString(2, r.lot() == null ? "" : r.lot());
            ps.setBigDecimal(3, r.quantity());
            ps.setString(4, unit);
            ps.setString(5, r.fromWarehouse());
            ps.setString(6, r.fromLocation());
            ps.setString(7, r.toWarehouse());
            ps.setString(8, r.toLocation());
            ps.setString(9, r.note());
            ps.setString(10, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setStatus(Connection c, long id, String status, String user) throws SQLException {
        String who = status.equals("shipped") ? "shipped" : "received";
        try (PreparedStatement ps = c.prepareStatement("UPDATE stock_transfer SET status = ?, " + who + "_by = ?, "
                + who + "_at = now() WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, user);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static Optional<TransferView> load(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stock_transfer WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String lot = rs.getString(4);
                return Optional.of(new TransferView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        lot.isEmpty() ? null : lot, LedgerStore.plain(rs.getBigDecimal(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), instant(rs.getTimestamp(13)), rs.getString(14), instant(rs.getTimestamp(15)),
                        rs.getString(16), instant(rs.getTimestamp(17)), lock ? List.of() : ledger(c, id)));
            }
        }
    }

    private static List<MovementView> ledger(Connection c, long id) throws SQLException {
        List<MovementView> newestFirst = InventoryQueries.movements(c, new StockQuery.Movements(null, null, 1000), ref(id));
        List<MovementView> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    static String ref(long id) {
        return "transfer:" + id;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
