package io.stocksense.cloud.telemetry.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.telemetry.api.AlarmView;
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
import java.util.Optional;

/**
 * Alarms are the device events a gateway raised ({@code alarm-raised}, {@code outbox-full}); this
 * store reads them with the matching {@code alarm-cleared} (same gateway, warehouse and zone, later
 * in ingest order) and records who acknowledged and who cleared them. An alarm stays in the active
 * list until a person clears it, even when the zone is back within limits: an excursion must be seen.
 *
 * <p>Blocking JDBC; call from a worker thread.
 */
public final class AlarmStore {

    /** The device event kinds that are alarms. */
    public static final List<String> KINDS = List.of("alarm-raised", "outbox-full");

    private static final String SELECT = "SELECT e.id, e.kind, e.severity, e.message, e.attributes, e.device_id,"
            + " coalesce(e.device_time, e.gateway_time), n.normal_at, a.acked_by, a.acked_at, a.cleared_by, a.cleared_at"
            + " FROM device_event e LEFT JOIN alarm_action a ON a.alarm_id = e.id"
            + " LEFT JOIN LATERAL (SELECT coalesce(x.device_time, x.gateway_time) AS normal_at FROM device_event x"
            + "   WHERE e.kind = 'alarm-raised' AND x.kind = 'alarm-cleared' AND x.id > e.id AND x.device_id = e.device_id"
            + "   AND x.attributes::jsonb ->> 'warehouse' IS NOT DISTINCT FROM e.attributes::jsonb ->> 'warehouse'"
            + "   AND x.attributes::jsonb ->> 'zone' IS NOT DISTINCT FROM e.attributes::jsonb ->> 'zone'"
            + "   ORDER BY x.id LIMIT 1) n ON true"
            + " WHERE e.kind IN ('alarm-raised', 'outbox-full')";

    private final DataSource dataSource;

    public AlarmStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Newest first; {@code activeOnly} leaves out the alarms a person has cleared. */
    public List<AlarmView> list(boolean activeOnly, int limit) throws SQLException {
        String sql = SELECT + (activeOnly ? " AND a.cleared_at IS NULL" : "") + " ORDER BY e.id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    /** The alarms raised in [from, to), oldest first. */
    public List<AlarmView> raisedBetween(Instant from, Instant to) throws SQLException {
        String sql = SELECT + " AND coalesce(e.device_time, e.gateway_time) >= ? AND coalesce(e.device_time, e.gateway_time) < ?"
                + " ORDER BY e.id LIMIT 10000";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            return read(ps);
        }
    }

    public Optional<AlarmView> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + " AND e.id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** Records the first acknowledgement; empty when there is no such alarm. Acknowledging again changes nothing. */
    public Optional<AlarmView> acknowledge(long id, String user) throws SQLException {
        return act(id, user, 1, "INSERT INTO alarm_action (alarm_id, acked_by, acked_at) SELECT id, ?, now() FROM device_event"
                + " WHERE id = ? AND kind IN ('alarm-raised', 'outbox-full') ON CONFLICT (alarm_id) DO UPDATE SET"
                + " acked_by = coalesce(alarm_action.acked_by, EXCLUDED.acked_by),"
                + " acked_at = coalesce(alarm_action.acked_at, EXCLUDED.acked_at)");
    }

    /** Clears the alarm (acknowledging it too if nobody had); clearing again changes nothing. */
    public Optional<AlarmView> clear(long id, String user) throws SQLException {
        return act(id, user, 2, "INSERT INTO alarm_action (alarm_id, acked_by, acked_at, cleared_by, cleared_at)"
                + " SELECT id, ?, now(), ?, now() FROM device_event WHERE id = ? AND kind IN ('alarm-raised', 'outbox-full')"
                + " ON CONFLICT (alarm_id) DO UPDATE SET"
                + " acked_by = coalesce(alarm_action.acked_by, EXCLUDED.acked_by),"
                + " acked_at = coalesce(alarm_action.acked_at, EXCLUDED.acked_at),"
                + " cleared_by = coalesce(alarm_action.cleared_by, EXCLUDED.cleared_by),"
                + " cleared_at = coalesce(alarm_action.cleared_at, EXCLUDED.cleared_at)");
    }

    /** Runs {@code sql}, whose first {@code userParams} parameters are the user and the last the alarm id. */
    private Optional<AlarmView> act(long id, String user, int userParams, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= userParams; i++) {
                ps.setString(i, user);
            }
            ps.setLong(userParams + 1, id);
            ps.executeUpdate();
        }
        return find(id);
    }

    private static List<AlarmView> read(PreparedStatement ps) throws SQLException {
        List<AlarmView> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode attrs = attributes(rs.getString(5));
                Instant ackedAt = instant(rs.getTimestamp(10));
                Instant clearedAt = instant(rs.getTimestamp(12));
                String state = clearedAt != null ? AlarmView.CLEARED : ackedAt != null ? AlarmView.ACKNOWLEDGED : AlarmView.ACTIVE;
                out.add(new AlarmView(rs.getLong(1), rs.getString(2), rs.getString(3), text(attrs, "warehouse"),
                        text(attrs, "zone"), rs.getString(4), number(attrs, "value"), number(attrs, "limit"),
                        rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9), ackedAt,
                        rs.getString(11), clearedAt, state));
            }
        }
        return out;
    }

    private static JsonNode attributes(String json) {
        if (json == null) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Double number(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            return null;
        }
        try {
            return Double.valueOf(n.get(field).asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
