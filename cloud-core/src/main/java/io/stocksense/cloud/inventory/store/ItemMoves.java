package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.TransferView;
import io.stocksense.cloud.inventory.domain.StockConflictException;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Serialized items (EPCs) moved by manual operations: each named item must be where the line takes it
 * from, and its {@code epc_item} row follows it in the same transaction as the ledger rows that name it.
 * Statuses: {@code in-stock} (at a location), {@code in-transit} (at a warehouse's TRANSIT location),
 * {@code dispatched} (left through a portal), {@code scrapped} (written off).
 */
final class ItemMoves {

    static final String IN_STOCK = "in-stock";
    static final String IN_TRANSIT = "in-transit";
    static final String DISPATCHED = "dispatched";
    static final String SCRAPPED = "scrapped";

    private static final String PROJECT = "INSERT INTO epc_item (epc, sku, warehouse, location, lot, status, last_event_id, last_seen)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (epc) DO UPDATE SET sku = EXCLUDED.sku,"
            + " warehouse = EXCLUDED.warehouse, location = EXCLUDED.location, lot = EXCLUDED.lot, status = EXCLUDED.status,"
            + " last_event_id = EXCLUDED.last_event_id, last_seen = EXCLUDED.last_seen";

    private ItemMoves() {
    }

    /** Named items are one per unit: as many distinct EPCs as the (whole) quantity. */
    static void checkCount(String field, BigDecimal quantity, List<String> epcs) {
        if (epcs.isEmpty()) {
            return;
        }
        if (new HashSet<>(epcs).size() != epcs.size()) {
            throw invalid(field + ".epcs names an item twice");
        }
        if (quantity.compareTo(BigDecimal.valueOf(epcs.size())) != 0) {
            throw invalid(field + ".epcs names " + epcs.size() + " items but the quantity is " + quantity.toPlainString()
                    + "; serialized items are one per unit");
        }
    }

    /** Every item an outbound line names must be at its key (in transit when the key is TRANSIT). */
    static void checkOutbound(Connection c, StockOperation op) throws SQLException {
        for (StockOperation.Line line : op.lines()) {
            if (line.quantity().signum() >= 0 || line.epcs().isEmpty()) {
                continue;
            }
            StockKey k = line.key();
            String status = k.location().equals(StockKey.TRANSIT) ? IN_TRANSIT : IN_STOCK;
            Set<String> missing = new LinkedHashSet<>(line.epcs());
            try (PreparedStatement ps = c.prepareStatement("SELECT epc FROM epc_item WHERE epc = ANY(?) AND sku = ?"
                    + " AND warehouse = ? AND location = ? AND status = ? FOR UPDATE")) {
                ps.setArray(1, c.createArrayOf("text", line.epcs().toArray()));
                ps.setString(2, k.sku());
                ps.setString(3, k.warehouse());
                ps.setString(4, k.location());
                ps.setString(5, status);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        missing.remove(rs.getString(1));
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new StockConflictException("items-elsewhere", "Items are not there", "items " + missing + " are not "
                        + status + " as " + k.describe() + "; see GET /api/v1/items/{epc}", Map.of("epcs", List.copyOf(missing)));
            }
        }
    }

    /** Where the items of the operation are now: inbound lines place them, scrap writes them off. */
    static void project(Connection c, StockOperation op, String eventId) throws SQLException {
        for (StockOperation.Line line : op.lines()) {
            String status;
            if (line.movementType().equals("SCRAP")) {
                status = SCRAPPED;
            } else if (line.quantity().signum() > 0) {
                status = line.key().location().equals(StockKey.TRANSIT) ? IN_TRANSIT : IN_STOCK;
            } else {
                continue; // the line that takes them in says where they went
            }
            for (String epc : line.epcs()) {
                try (PreparedStatement ps = c.prepareStatement(PROJECT)) {
                    ps.setString(1, epc);
                    ps.setString(2, line.key().sku());
                    ps.setString(3, line.key().warehouse());
                    ps.setString(4, line.key().location());
                    ps.setString(5, line.key().lot());
                    ps.setString(6, status);
                    ps.setString(7, eventId);
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * The items of a transfer line that arrive: the ones named (which must be the line's), or, when none
     * are named, all of the line's items still in transit, which must then be exactly the quantity received.
     */
    static List<String> received(Connection c, TransferView.Line line, List<String> named, String toWarehouse)
            throws SQLException {
        if (line.epcs().isEmpty()) {
            if (!named.isEmpty()) {
                throw invalid("line " + line.line() + " carries no serialized items; leave out epcs");
            }
            return List.of();
        }
        if (!named.isEmpty()) {
            if (!line.epcs().containsAll(named)) {
                throw invalid("line " + line.line() + " carries " + line.epcs() + "; " + named + " are not all among them");
            }
            return named;
        }
        List<String> inTransit = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT epc FROM epc_item WHERE epc = ANY(?) AND warehouse = ?"
                + " AND status = ? ORDER BY epc")) {
            ps.setArray(1, c.createArrayOf("text", line.epcs().toArray()));
            ps.setString(2, toWarehouse);
            ps.setString(3, IN_TRANSIT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inTransit.add(rs.getString(1));
                }
            }
        }
        return inTransit;
    }
}
