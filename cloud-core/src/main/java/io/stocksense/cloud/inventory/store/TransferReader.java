package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.MovementView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.api.TransferView;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.LedgerStore.plain;

/** Reads transfers with their lines (and ledger rows) on the caller's connection. */
final class TransferReader {

    private static final String COLUMNS = "id, status, from_warehouse, from_location, to_warehouse, to_location, note,"
            + " created_by, created_at, shipped_by, shipped_at, received_by, received_at";

    private TransferReader() {
    }

    /** The transfer; {@code lock} takes its row lock first (FOR UPDATE) and leaves the ledger rows out. */
    static Optional<TransferView> load(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stock_transfer WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String status = rs.getString(2);
                List<TransferView.Line> lines = lines(c, id, !status.equals("draft"));
                TransferView.Line only = lines.size() == 1 ? lines.get(0) : null;
                return Optional.of(new TransferView(rs.getLong(1), status, only == null ? null : only.sku(),
                        only == null ? null : only.lot(), only == null ? null : only.quantity(), only == null ? null : only.unit(),
                        rs.getString(3), only == null ? rs.getString(4) : only.fromLocation(), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10),
                        instant(rs.getTimestamp(11)), rs.getString(12), instant(rs.getTimestamp(13)), lines,
                        lock ? List.of() : ledger(c, id)));
            }
        }
    }

    /** Newest first, optionally of one status. */
    static List<TransferView> list(Connection c, String status, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
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

    private static List<TransferView.Line> lines(Connection c, long id, boolean shipped) throws SQLException {
        List<TransferView.Line> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT line_no, sku, lot, quantity, unit, from_location, received, epcs"
                + " FROM stock_transfer_line WHERE transfer_id = ? ORDER BY line_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal quantity = rs.getBigDecimal(4);
                    BigDecimal received = rs.getBigDecimal(7);
                    String lot = rs.getString(3);
                    Array epcs = rs.getArray(8);
                    out.add(new TransferView.Line(rs.getInt(1), rs.getString(2), lot.isEmpty() ? null : lot, plain(quantity),
                            rs.getString(5), rs.getString(6), plain(received),
                            plain(shipped ? quantity.subtract(received) : BigDecimal.ZERO),
                            Arrays.asList((String[]) epcs.getArray())));
                }
            }
        }
        return out;
    }

    private static List<MovementView> ledger(Connection c, long id) throws SQLException {
        List<MovementView> rows = new ArrayList<>(InventoryQueries.movements(c, new StockQuery.Movements(null, null, 1000),
                TransferStore.ref(id)));
        Collections.reverse(rows);
        return rows;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
