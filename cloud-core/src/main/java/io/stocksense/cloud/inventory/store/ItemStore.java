package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.ItemEvent;
import io.stocksense.cloud.inventory.api.ItemView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.LedgerStore.plain;

/**
 * Serialized items by EPC: where each is now ({@code epc_item}, projected in the posting transactions)
 * and its history: the ledger rows that name it (read through the partial GIN index on
 * {@code stock_ledger.epcs}) and its sightings, oldest first. Blocking.
 */
public final class ItemStore {

    /** Ledger rows and sightings of one EPC, merged in recording order (ledger id breaks ties). */
    private static final String HISTORY = "SELECT 'ledger', recorded_at, device_time, movement_type, sku, warehouse, location,"
            + " lot, quantity, cause_type, cause_ref, reason, username, device_id, event_id, id FROM stock_ledger"
            + " WHERE epcs @> ARRAY[?]::text[] AND cardinality(epcs) > 0"
            + " UNION ALL SELECT 'sighting', recorded_at, seen_at, kind, NULL, warehouse, location, NULL, NULL, source, source_id,"
            + " NULL, detail->>'user', device_id, CASE WHEN source = 'device-event' THEN source_id END, NULL FROM epc_sighting"
            + " WHERE epc = ? ORDER BY 2, 16 NULLS LAST LIMIT ?";

    private final DataSource dataSource;

    public ItemStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ItemView> get(String epc) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT epc, sku, lot, warehouse, location, status, last_seen,"
                     + " last_event_id FROM epc_item WHERE epc = ?")) {
            ps.setString(1, epc);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String lot = rs.getString(3);
                return Optional.of(new ItemView(rs.getString(1), rs.getString(2), lot.isEmpty() ? null : lot, rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
        }
    }

    /** Oldest first; empty when nothing ever named the EPC. */
    public Optional<List<ItemEvent>> history(String epc, int limit) throws SQLException {
        List<ItemEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HISTORY)) {
            ps.setString(1, epc);
            ps.setString(2, epc);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lot = rs.getString(8);
                    long ledgerId = rs.getLong(16);
                    out.add(new ItemEvent(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            lot == null || lot.isEmpty() ? null : lot, plain(rs.getBigDecimal(9)), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                            rs.wasNull() ? null : ledgerId));
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
