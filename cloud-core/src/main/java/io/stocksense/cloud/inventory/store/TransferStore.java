package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.TransferReceipt;
import io.stocksense.cloud.inventory.api.TransferRequest;
import io.stocksense.cloud.inventory.api.TransferView;
import io.stocksense.cloud.inventory.domain.StockConflictException;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Transfers between warehouses, with one or more lines, in two steps. Shipping posts, for every line,
 * its source location −q and the destination warehouse's virtual {@link StockKey#TRANSIT} location +q,
 * all lines in ONE {@link StockPoster} operation (all or nothing, keys locked in one order). Receiving
 * posts TRANSIT −q and the destination location +q for what arrived: every line in full, or per line
 * in part ({@code partially-received} until every line is complete). Each step is one transaction that
 * first locks the transfer row ({@code FOR UPDATE}), so a transfer is shipped once and never received
 * beyond what was shipped, even when two requests race.
 *
 * <p>Blocking; call from a worker thread. Errors as in {@link InventoryCommands}.
 */
public final class TransferStore {

    private final Transactions tx;
    private final DataSource dataSource;
    private final StockPoster poster = new StockPoster();

    public TransferStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    /** Creates the transfer and, unless {@code r.ship()} is false, ships it in the same transaction. */
    public TransferView create(TransferRequest r, String user) throws SQLException {
        if (r.lines().isEmpty()) {
            throw invalid("lines must hold at least one {sku, quantity, lot?, fromLocation?}");
        }
        if (r.fromWarehouse().equals(r.toWarehouse())) {
            throw invalid("fromWarehouse and toWarehouse are both " + r.fromWarehouse() + "; use POST /api/v1/moves");
        }
        for (int i = 0; i < r.lines().size(); i++) {
            TransferRequest.Line l = r.lines().get(i);
            StockRequestChecks.quantity(l.quantity(), true);
            ItemMoves.checkCount("lines[" + i + "]", l.quantity(), l.epcs());
        }
        return tx.run(c -> {
            StockRequestChecks.location(c, "toLocation", r.toWarehouse(), r.toLocation());
            if (r.fromLocation() != null) {
                StockRequestChecks.location(c, "fromLocation", r.fromWarehouse(), r.fromLocation());
            }
            long id = insertHeader(c, r, user);
            for (int i = 0; i < r.lines().size(); i++) {
                insertLine(c, id, i, r);
            }
            if (r.ship()) {
                ship(c, id, user);
            }
            return TransferReader.load(c, id, false).orElseThrow();
        });
    }

    /** Ships a draft: every line leaves its source location into the destination's TRANSIT location. */
    public Optional<TransferView> ship(long id, String user) throws SQLException {
        return tx.run(c -> TransferReader.load(c, id, true).isEmpty() ? Optional.empty() : Optional.of(ship(c, id, user)));
    }

    /** Books what arrived at the destination location: {@code receipt} per line, or (null) everything still in transit. */
    public Optional<TransferView> receive(long id, TransferReceipt receipt, String user) throws SQLException {
        return tx.run(c -> {
            Optional<TransferView> t = TransferReader.load(c, id, true);
            if (t.isEmpty()) {
                return t;
            }
            TransferView v = t.get();
            if (!v.status().equals("shipped") && !v.status().equals("partially-received")) {
                throw wrongStatus(v, "shipped or partially-received", "received");
            }
            Map<TransferView.Line, TransferReceipt.Line> arrived = arrived(v, receipt);
            List<StockOperation.Line> lines = new ArrayList<>();
            for (Map.Entry<TransferView.Line, TransferReceipt.Line> e : arrived.entrySet()) {
                TransferView.Line l = e.getKey();
                BigDecimal q = e.getValue().quantity();
                List<String> epcs = ItemMoves.received(c, l, e.getValue().epcs(), v.toWarehouse());
                ItemMoves.checkCount("line " + l.line(), q, epcs);
                lines.add(new StockOperation.Line(new StockKey(l.sku(), v.toWarehouse(), StockKey.TRANSIT, l.lot()), q.negate(),
                        l.unit(), "TRANSFER_RECEIVE_OUT", epcs));
                lines.add(new StockOperation.Line(new StockKey(l.sku(), v.toWarehouse(), v.toLocation(), l.lot()), q, l.unit(),
                        "TRANSFER_RECEIVE_IN", epcs));
                addReceived(c, id, l.line(), q);
            }
            poster.post(c, new StockOperation(StockOperation.TRANSFER, ref(id), v.note(), user, lines));
            setStatus(c, id, complete(c, id) ? "received" : "partially-received", user);
            return TransferReader.load(c, id, false);
        });
    }

    public Optional<TransferView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return TransferReader.load(c, id, false);
        }
    }

    /** Newest first, optionally of one status. */
    public List<TransferView> list(String status, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return TransferReader.list(c, status, limit);
        }
    }

    private TransferView ship(Connection c, long id, String user) throws SQLException {
        TransferView v = TransferReader.load(c, id, true).orElseThrow();
        if (!v.status().equals("draft")) {
            throw wrongStatus(v, "draft", "shipped");
        }
        List<StockOperation.Line> lines = new ArrayList<>();
        for (TransferView.Line l : v.lines()) {
            lines.add(new StockOperation.Line(new StockKey(l.sku(), v.fromWarehouse(), l.fromLocation(), l.lot()),
                    l.quantity().negate(), l.unit(), "TRANSFER_SHIP_OUT", l.epcs()));
            lines.add(new StockOperation.Line(new StockKey(l.sku(), v.toWarehouse(), StockKey.TRANSIT, l.lot()),
                    l.quantity(), l.unit(), "TRANSFER_SHIP_IN", l.epcs()));
        }
        poster.post(c, new StockOperation(StockOperation.TRANSFER, ref(id), v.note(), user, lines));
        setStatus(c, id, "shipped", user);
        return TransferReader.load(c, id, false).orElseThrow();
    }

    /** The quantity (and EPCs) arriving per line; refuses unknown lines and more than is in transit. */
    private static Map<TransferView.Line, TransferReceipt.Line> arrived(TransferView v, TransferReceipt receipt) {
        Map<TransferView.Line, TransferReceipt.Line> out = new LinkedHashMap<>();
        if (receipt == null) {
            v.lines().stream().filter(l -> l.inTransit().signum() > 0)
                    .forEach(l -> out.put(l, new TransferReceipt.Line(l.line(), l.inTransit(), List.of())));
            return out;
        }
        var seen = new HashSet<Integer>();
        for (TransferReceipt.Line r : receipt.lines()) {
            TransferView.Line l = v.lines().stream().filter(x -> x.line() == r.line()).findFirst()
                    .orElseThrow(() -> invalid("transfer " + v.id() + " has no line " + r.line()));
            if (!seen.add(r.line())) {
                throw invalid("line " + r.line() + " is named twice");
            }
            StockRequestChecks.quantity(r.quantity(), true);
            if (r.quantity().compareTo(l.inTransit()) > 0) {
                throw new StockConflictException("over-receipt", "More than is in transit", "line " + l.line() + " of transfer "
                        + v.id() + " has " + l.inTransit().toPlainString() + " " + l.unit() + " in transit; cannot receive "
                        + r.quantity().toPlainString(), Map.of("line", l.line(), "inTransit", l.inTransit()));
            }
            out.put(l, r);
        }
        return out;
    }

    private static StockConflictException wrongStatus(TransferView v, String expected, String next) {
        return new StockConflictException("transfer-status", "Transfer in the wrong status", "transfer " + v.id()
                + " is " + v.status() + "; only a " + expected + " transfer can be " + next, Map.of("status", v.status()));
    }

    private static long insertHeader(Connection c, TransferRequest r, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_transfer (from_warehouse, from_location, to_warehouse,"
                + " to_location, note, status, created_by) VALUES (?, ?, ?, ?, ?, 'draft', ?) RETURNING id")) {
            ps.setString(1, r.fromWarehouse());
            ps.setString(2, r.fromLocation());
            ps.setString(3, r.toWarehouse());
            ps.setString(4, r.toLocation());
            ps.setString(5, r.note());
            ps.setString(6, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertLine(Connection c, long id, int i, TransferRequest r) throws SQLException {
        TransferRequest.Line l = r.lines().get(i);
        String field = r.lines().size() == 1 ? "" : "lines[" + i + "].";
        String from = l.fromLocation() != null ? l.fromLocation() : r.fromLocation();
        if (from == null) {
            throw invalid(field + "fromLocation is required (on the line or the transfer)");
        }
        StockRequestChecks.location(c, field + "fromLocation", r.fromWarehouse(), from);
        String unit = StockRequestChecks.productUnit(c, l.sku(), l.unit());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_transfer_line (transfer_id, line_no, sku, lot, quantity,"
                + " unit, from_location, epcs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, i + 1);
            ps.setString(3, l.sku());
            ps.setString(4, l.lot() == null ? "" : l.lot());
            ps.setBigDecimal(5, l.quantity());
            ps.setString(6, unit);
            ps.setString(7, from);
            ps.setArray(8, c.createArrayOf("text", l.epcs().toArray()));
            ps.executeUpdate();
        }
    }

    private static void addReceived(Connection c, long id, int line, BigDecimal q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stock_transfer_line SET received = received + ?"
                + " WHERE transfer_id = ? AND line_no = ?")) {
            ps.setBigDecimal(1, q);
            ps.setLong(2, id);
            ps.setInt(3, line);
            ps.executeUpdate();
        }
    }

    private static boolean complete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bool_and(received = quantity) FROM stock_transfer_line"
                + " WHERE transfer_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
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

    static String ref(long id) {
        return "transfer:" + id;
    }
}
