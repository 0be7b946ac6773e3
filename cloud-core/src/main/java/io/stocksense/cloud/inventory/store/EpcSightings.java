package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.web.ApiJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

/**
 * Records that tags were seen where no stock moved (a device event naming EPCs, an RFID sweep), for the
 * items' histories. On the caller's connection and transaction; a repeated source records nothing twice.
 */
public final class EpcSightings {

    private EpcSightings() {
    }

    /** {@code source} / {@code sourceId}: e.g. {@code device-event} and its event id, or {@code stocktake} and its id. */
    public static void record(Connection c, Collection<String> epcs, String source, String sourceId, String deviceId,
                              String kind, String warehouse, String location, Instant seenAt, Map<String, ?> detail)
            throws SQLException {
        if (epcs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO epc_sighting (epc, source, source_id, device_id, kind,"
                + " warehouse, location, seen_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
            for (String epc : new LinkedHashSet<>(epcs)) {
                ps.setString(1, epc.trim().toUpperCase(Locale.ROOT));
                ps.setString(2, source);
                ps.setString(3, sourceId);
                ps.setString(4, deviceId);
                ps.setString(5, kind);
                ps.setString(6, warehouse);
                ps.setString(7, location);
                ps.setTimestamp(8, Timestamp.from(seenAt));
                ps.setString(9, ApiJson.write(detail));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
