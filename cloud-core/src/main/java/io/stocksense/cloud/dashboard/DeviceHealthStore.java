package io.stocksense.cloud.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads device health for the dashboard: one index probe per device for "last heard"
 * ({@code ingested_event_device}), battery ({@code telemetry_device_battery}) and status
 * ({@code device_event_kind}). Blocking JDBC; call from a worker thread.
 */
public final class DeviceHealthStore {

    private static final String DEVICES = "SELECT d.site_id, d.id, d.gateway, d.family, d.warehouse, d.location, d.zone,"
            + " seen.at, bat.value, st.state, st.reason, st.at FROM device d"
            + " LEFT JOIN LATERAL (SELECT i.ingested_at AS at FROM ingested_event i WHERE i.device_id = d.id"
            + "   ORDER BY i.ingested_at DESC LIMIT 1) seen ON true"
            + " LEFT JOIN LATERAL (SELECT t.value FROM telemetry t WHERE t.device_id = d.id AND t.metric = 'battery'"
            + "   ORDER BY t.time DESC LIMIT 1) bat ON true"
            + " LEFT JOIN LATERAL (SELECT e.attributes::jsonb ->> 'state' AS state, e.attributes::jsonb ->> 'reason' AS reason,"
            + "   coalesce(e.device_time, e.gateway_time) AS at FROM device_event e WHERE e.kind = 'device-status'"
            + "   AND e.attributes::jsonb ->> 'device' = d.id ORDER BY e.id DESC LIMIT 1) st ON true"
            + " ORDER BY d.gateway, d.id";
    private static final String GATEWAYS = "SELECT g.site_id, g.id, g.name, g.warehouse, s.state, s.updated_at, s.payload"
            + " FROM gateway g LEFT JOIN gateway_status s ON s.site_id = g.site_id AND s.gateway_id = g.id"
            + " UNION ALL SELECT s.site_id, s.gateway_id, null, null, s.state, s.updated_at, s.payload FROM gateway_status s"
            + " WHERE NOT EXISTS (SELECT 1 FROM gateway g WHERE g.site_id = s.site_id AND g.id = s.gateway_id)"
            + " ORDER BY 1, 2";

    private final DataSource dataSource;

    public DeviceHealthStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DeviceHealthView health() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new DeviceHealthView(gateways(c), devices(c));
        }
    }

    private static List<DeviceHealthView.Gateway> gateways(Connection c) throws SQLException {
        List<DeviceHealthView.Gateway> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(GATEWAYS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DeviceHealthView.Gateway(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), outboxDepth(rs.getString(7))));
            }
        }
        return out;
    }

    private static List<DeviceHealthView.Device> devices(Connection c) throws SQLException {
        List<DeviceHealthView.Device> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DEVICES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double battery = rs.getDouble(9);
                out.add(new DeviceHealthView.Device(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
                        rs.wasNull() ? null : battery, rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12))));
            }
        }
        return out;
    }

    /** The gateway's state message may carry {@code outboxDepth}; older gateways do not send it. */
    static Long outboxDepth(String payload) {
        if (payload == null || !payload.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonNode depth = Json.MAPPER.readTree(payload).get("outboxDepth");
            return depth != null && depth.canConvertToLong() ? depth.asLong() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
