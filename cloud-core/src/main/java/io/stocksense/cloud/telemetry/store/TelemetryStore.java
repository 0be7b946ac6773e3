package io.stocksense.cloud.telemetry.store;

import io.stocksense.cloud.inventory.store.EpcSightings;
import io.stocksense.cloud.telemetry.api.SeriesPoint;
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

    /**
     * The metric of one zone in {@code [since, until)}, in buckets of equal length (at most {@code points},
     * whole seconds), oldest first; empty buckets are left out. Uses the {@code telemetry_latest} index.
     */
    public List<SeriesPoint> series(String warehouse, String zone, String metric, Instant since, Instant until, int points)
            throws SQLException {
        long bucketSeconds = Math.max(1, (until.getEpochSecond() - since.getEpochSecond() + points - 1) / points);
        String sql = "SELECT date_bin(make_interval(secs => ?), time, ?) AS bucket, min(value), avg(value), max(value), count(*)"
                + " FROM telemetry WHERE warehouse = ? AND zone = ? AND metric = ? AND time >= ? AND time < ?"
                + " GROUP BY bucket ORDER BY bucket";
        List<SeriesPoint> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, bucketSeconds);
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setString(3, warehouse);
            ps.setString(4, zone);
            ps.setString(5, metric);
            ps.setTimestamp(6, Timestamp.from(since));
            ps.setTimestamp(7, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SeriesPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getLong(5)));
                }
            }
        }
        return out;
    }
}
