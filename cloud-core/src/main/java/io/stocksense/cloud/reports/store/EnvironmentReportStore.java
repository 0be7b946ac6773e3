package io.stocksense.cloud.reports.store;

import io.stocksense.cloud.reports.api.EnvironmentReport;
import io.stocksense.cloud.telemetry.api.AlarmView;
import io.stocksense.cloud.telemetry.store.AlarmStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment report: per zone with limits or readings, temperature statistics and mean kinetic
 * temperature over [from, to), plus the excursions the gateways raised in that period.
 *
 * <p>MKT is {@code (ΔH/R) / −ln(mean(exp(−ΔH/(R·T))))} with ΔH/R = 10,000 K (the gateway's
 * {@code MeanKineticTemperature} uses the same constant), over the readings of the period.
 * Blocking JDBC; call from a worker thread.
 */
public final class EnvironmentReportStore {

    private static final String ZONES = "WITH r AS ("
            + "  SELECT t.warehouse, t.zone, t.value, t.time, lead(t.time) OVER (PARTITION BY t.warehouse, t.zone ORDER BY t.time)"
            + "  AS next_time FROM telemetry t WHERE t.metric = 'temperature' AND t.time >= ? AND t.time < ?"
            + "  AND (?::text IS NULL OR t.warehouse = ?)),"
            + " s AS (SELECT r.warehouse, r.zone, count(*) AS n, min(r.value) AS lo, avg(r.value) AS mean, max(r.value) AS hi,"
            + "  10000.0 / -ln(avg(exp(-10000.0 / (r.value + 273.15)))) - 273.15 AS mkt,"
            + "  count(*) FILTER (WHERE r.value < z.min_c OR r.value > z.max_c) AS outside,"
            + "  coalesce(sum(extract(epoch FROM (coalesce(r.next_time, least(now(), ?::timestamptz)) - r.time)))"
            + "   FILTER (WHERE r.value < z.min_c OR r.value > z.max_c), 0) / 60 AS minutes_outside"
            + "  FROM r LEFT JOIN zone z ON z.warehouse = r.warehouse AND z.code = r.zone GROUP BY r.warehouse, r.zone)"
            + " SELECT coalesce(z.warehouse, s.warehouse), coalesce(z.code, s.zone), z.name, z.min_c, z.max_c, coalesce(s.n, 0),"
            + "  s.lo, s.mean, s.hi, s.mkt, coalesce(s.outside, 0), coalesce(s.minutes_outside, 0)"
            + " FROM (SELECT * FROM zone WHERE (min_c IS NOT NULL OR max_c IS NOT NULL) AND (?::text IS NULL OR warehouse = ?)) z"
            + " FULL JOIN s ON s.warehouse = z.warehouse AND s.zone = z.code ORDER BY 1, 2";

    private final DataSource dataSource;
    private final AlarmStore alarms;

    public EnvironmentReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.alarms = new AlarmStore(dataSource);
    }

    public EnvironmentReport report(Instant from, Instant to, String warehouse) throws SQLException {
        List<AlarmView> excursions = alarms.raisedBetween(from, to).stream()
                .filter(a -> "alarm-raised".equals(a.kind()) && (warehouse == null || warehouse.equals(a.warehouse())))
                .toList();
        List<EnvironmentReport.Zone> zones = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ZONES)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setString(3, warehouse);
            ps.setString(4, warehouse);
            ps.setTimestamp(5, Timestamp.from(to));
            ps.setString(6, warehouse);
            ps.setString(7, warehouse);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String wh = rs.getString(1);
                    String zone = rs.getString(2);
                    long count = excursions.stream().filter(a -> wh.equals(a.warehouse()) && zone.equals(a.zone())).count();
                    zones.add(new EnvironmentReport.Zone(wh, zone, rs.getString(3), number(rs, 4), number(rs, 5), rs.getLong(6),
                            round(number(rs, 7)), round(number(rs, 8)), round(number(rs, 9)), round(number(rs, 10)),
                            rs.getLong(11), Math.round(rs.getDouble(12) * 10) / 10.0, count));
                }
            }
        }
        return new EnvironmentReport(from, to, zones, excursions);
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
