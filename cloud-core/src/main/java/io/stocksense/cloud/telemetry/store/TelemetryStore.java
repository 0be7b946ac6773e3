package io.stocksense.cloud.telemetry.store;

import io.stocksense.cloud.inventory.store.EpcSightings;
import io.stocksense.cloud.telemetry.api.TelemetryView;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.TelemetryPoint;

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

/**
 * Telemetry points and device events: writes on the ingest transaction's connection, reads on the
 * pool. Blocking; call from a worker thread.
 */
public final class TelemetryStore {

    private final DataSource dataSource;

    public TelemetryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the point; its time is the device's clock when it has one, else the gateway's. */
    public TelemetryView insert(Connection c, TelemetryPoint t) throws SQLException {
        Instant time = t.deviceTime() != null ? t.deviceTime() : t.gatewayTime();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry (time, event_id, device_id, warehouse, zone, metric,"
                + " value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(time));
            ps.setString(2, t.eventId());
            ps.setString(3, t.deviceId());
            ps.setString(4, t.warehouse());
            ps.setString(5, t.zone());
            ps.setString(6, t.metric());
            ps.setDouble(7, t.value());
            ps.setString(8, t.unit());
            ps.executeUpdate();
        }
        return new TelemetryView(t.warehouse(), t.zone(), t.metric(), t.value(), t.unit(), t.deviceId(), time);
    }

    public void insert(Connection c, DeviceEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_event (event_id, device_id, kind, severity, message,"
                + " attributes, device_time, gateway_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.eventId());
            ps.setString(2, e.deviceId());
            ps.setString(3, e.kind());
            ps.setString(4, e.severity());
            ps.setString(5, e.message());
            ps.setString(6, Json.writeString(e.attributes()));
            ps.setTimestamp(7, e.deviceTime() == null ? null : Timestamp.from(e.deviceTime()));
            ps.setTimestamp(8, Timestamp.from(e.gatewayTime()));
            ps.executeUpdate();
        }
        recordSightings(c, e);
    }

    /**
     * A device event that names tags ({@code epcs} comma-separated, {@code epc}, {@code parentEpc}, as the
     * portal's {@code unresolved-tags} does) is a sighting of each, for the items' histories.
     */
    private static void recordSightings(Connection c, DeviceEvent e) throws SQLException {
        List<String> epcs = new ArrayList<>();
        String list = e.attributes().get("epcs");
        if (list != null) {
            for (String epc : list.split(",")) {
                if (!epc.isBlank()) {
                    epcs.add(epc.trim());
                }
            }
        }
        for (String one : List.of("epc", "parentEpc")) {
            if (e.attributes().get(one) != null && !e.attributes().get(one).isBlank()) {
                epcs.add(e.attributes().get(one).trim());
            }
        }
        EpcSightings.record(c, epcs, "device-event", e.eventId(), e.deviceId(), e.kind(), e.attributes().get("warehouse"),
                e.attributes().get("location"), e.deviceTime() != null ? e.deviceTime() : e.gatewayTime(),
                Map.of("message", e.message() == null ? "" : e.message()));
    }

    /** The newest value per warehouse × zone × metric. */
    public List<TelemetryView> latest() throws SQLException {
        String sql = "SELECT DISTINCT ON (warehouse, zone, metric) warehouse, zone, metric, value, unit, device_id, time"
                + " FROM telemetry ORDER BY warehouse, zone, metric, time DESC";
        List<TelemetryView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TelemetryView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }
}
