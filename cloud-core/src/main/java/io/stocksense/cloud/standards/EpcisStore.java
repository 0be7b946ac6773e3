package io.stocksense.cloud.standards;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what the EPCIS export needs: ledger rows posted in {@code [from, to)} (with their product's GTIN) and
 * hourly statistics of temperature and humidity in the same window. Both are read in one REPEATABLE READ
 * transaction, so the document is one consistent view. Blocking JDBC; call from a worker thread.
 */
public final class EpcisStore {

    /** What one export read: the rows, and whether a limit cut either list short. */
    public record Export(List<LedgerLine> lines, List<SensorBucket> sensors, boolean truncated) {
    }

    // Whole ledger events only: the limit counts events, so an event's lines are never split.
    private static final String LEDGER = "WITH ev AS (SELECT event_id, min(recorded_at) AS at FROM stock_ledger"
            + " WHERE recorded_at >= ? AND recorded_at < ? AND (?::text IS NULL OR warehouse = ?)"
            + " GROUP BY event_id ORDER BY at, event_id LIMIT ?)"
            + " SELECT l.event_id, l.line_no, l.sku, p.gtin, p.company_prefix_length, l.warehouse, l.location, l.lot,"
            + " l.quantity, l.unit, l.movement_type, l.cause_type, l.cause_ref, l.device_id,"
            + " coalesce(l.device_time, l.recorded_at), l.recorded_at, l.epcs"
            + " FROM ev JOIN stock_ledger l ON l.event_id = ev.event_id LEFT JOIN product p ON p.sku = l.sku"
            + " ORDER BY ev.at, l.event_id, l.line_no";
    private static final String SENSORS = "SELECT device_id, warehouse, zone, metric, unit, date_trunc('hour', time) AS h,"
            + " min(value), max(value), avg(value), count(*), max(time) FROM telemetry"
            + " WHERE time >= ? AND time < ? AND (?::text IS NULL OR warehouse = ?) AND metric IN ('temperature', 'humidity')"
            + " GROUP BY device_id, warehouse, zone, metric, unit, h ORDER BY h, device_id, metric LIMIT ?";

    private final DataSource dataSource;

    public EpcisStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** At most {@code limit} ledger events and {@code limit} sensor buckets; {@code warehouse} null means all. */
    public Export read(Instant from, Instant to, String warehouse, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                List<LedgerLine> lines = ledger(c, from, to, warehouse, limit);
                List<SensorBucket> sensors = sensors(c, from, to, warehouse, limit + 1);
                long events = lines.stream().map(LedgerLine::eventId).distinct().count();
                boolean truncated = events >= limit || sensors.size() > limit;
                c.commit();
                return new Export(lines, sensors.size() > limit ? sensors.subList(0, limit) : sensors, truncated);
            } finally {
                c.rollback();
                c.setReadOnly(false);
            }
        }
    }

    private static List<LedgerLine> ledger(Connection c, Instant from, Instant to, String warehouse, int limit)
            throws SQLException {
        List<LedgerLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LEDGER)) {
            window(ps, from, to, warehouse, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int cpl = rs.getInt(5);
                    Integer prefixLength = rs.wasNull() ? null : cpl;
                    Array epcs = rs.getArray(17);
                    out.add(new LedgerLine(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), prefixLength,
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                            rs.getTimestamp(15).toInstant(), rs.getTimestamp(16).toInstant(),
                            epcs == null ? List.of() : Arrays.asList((String[]) epcs.getArray())));
                }
            }
        }
        return out;
    }

    private static List<SensorBucket> sensors(Connection c, Instant from, Instant to, String warehouse, int limit)
            throws SQLException {
        List<SensorBucket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SENSORS)) {
            window(ps, from, to, warehouse, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant start = rs.getTimestamp(6).toInstant();
                    out.add(new SensorBucket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), start, start.plusSeconds(3600), rs.getTimestamp(11).toInstant(),
                            rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getLong(10)));
                }
            }
        }
        return out;
    }

    private static void window(PreparedStatement ps, Instant from, Instant to, String warehouse, int limit) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
        ps.setString(3, warehouse);
        ps.setString(4, warehouse);
        ps.setInt(5, limit);
    }
}
