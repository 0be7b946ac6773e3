package io.stocksense.cloud.timeseries;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Chooses how telemetry is stored, once at start (after the Flyway migrations), and logs the choice.
 *
 * <p>With the TimescaleDB extension available ({@code pg_available_extensions}) and loadable: {@code telemetry}
 * becomes a hypertable (1-day chunks, existing rows migrated), chunks older than 7 days are compressed
 * (segmented by warehouse, zone and metric), and {@code telemetry_hourly} is a continuous aggregate (min, max,
 * mean and count per warehouse, zone, metric and hour) refreshed every 30 minutes. The stock ledger stays a plain
 * table: its primary key and its (event_id, line_no) uniqueness do not contain the time column, which a hypertable
 * requires, and its queries (per SKU, per document, as-of snapshots) are not time-range scans.
 *
 * <p>Without TimescaleDB, {@code telemetry} stays a plain table (its index on warehouse, zone, metric and time
 * serves the dashboards) and {@code telemetry_hourly} is an ordinary view with the same columns, so readers work
 * the same in both modes. Every step is idempotent; a failure is logged and leaves cloud-core running on plain
 * PostgreSQL. Blocking JDBC; call once from the starting thread.
 */
public final class TimescaleSetup {

    /** What start-up chose. */
    public enum Mode { TIMESCALE, PLAIN }

    private static final Logger LOG = LoggerFactory.getLogger(TimescaleSetup.class);

    public static final List<String> TIMESCALE_STATEMENTS = List.of(
            "CREATE EXTENSION IF NOT EXISTS timescaledb",
            "DROP VIEW IF EXISTS telemetry_hourly",
            "SELECT create_hypertable('telemetry', 'time', chunk_time_interval => INTERVAL '1 day',"
                    + " if_not_exists => TRUE, migrate_data => TRUE)",
            "ALTER TABLE telemetry SET (timescaledb.compress, timescaledb.compress_segmentby = 'warehouse, zone, metric',"
                    + " timescaledb.compress_orderby = 'time DESC')",
            "SELECT add_compression_policy('telemetry', INTERVAL '7 days', if_not_exists => TRUE)",
            "CREATE MATERIALIZED VIEW IF NOT EXISTS telemetry_hourly WITH (timescaledb.continuous) AS"
                    + " SELECT time_bucket(INTERVAL '1 hour', time) AS bucket, warehouse, zone, metric, unit,"
                    + " min(value) AS min_value, max(value) AS max_value, avg(value) AS mean_value, count(*) AS readings"
                    + " FROM telemetry GROUP BY bucket, warehouse, zone, metric, unit WITH NO DATA",
            "SELECT add_continuous_aggregate_policy('telemetry_hourly', start_offset => INTERVAL '3 days',"
                    + " end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '30 minutes', if_not_exists => TRUE)");

    public static final String PLAIN_VIEW = "CREATE OR REPLACE VIEW telemetry_hourly AS"
            + " SELECT date_trunc('hour', time) AS bucket, warehouse, zone, metric, unit,"
            + " min(value) AS min_value, max(value) AS max_value, avg(value) AS mean_value, count(*) AS readings"
            + " FROM telemetry GROUP BY 1, warehouse, zone, metric, unit";

    private TimescaleSetup() {
    }

    /** Applies the mode the database supports and returns it; never throws for a database without TimescaleDB. */
    public static Mode apply(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true); // continuous aggregates cannot be created inside a transaction block
            String version = availableVersion(c);
            if (version == null) {
                plain(c);
                LOG.info("time series: TimescaleDB is not available in this PostgreSQL; telemetry is a plain table"
                        + " and telemetry_hourly a view");
                return Mode.PLAIN;
            }
            if (isContinuousAggregate(c)) {
                LOG.info("time series: TimescaleDB {} hypertable, compression and hourly continuous aggregate in place", version);
                return Mode.TIMESCALE;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : TIMESCALE_STATEMENTS) {
                    st.execute(sql);
                }
            }
            LOG.info("time series: TimescaleDB {}: telemetry is a hypertable (1-day chunks, compressed after 7 days),"
                    + " telemetry_hourly a continuous aggregate", version);
            return Mode.TIMESCALE;
        } catch (SQLException e) {
            LOG.warn("time series: TimescaleDB set-up failed ({}; is timescaledb in shared_preload_libraries?);"
                    + " telemetry stays a plain table", e.getMessage());
            try (Connection c = ds.getConnection()) {
                plain(c);
            } catch (SQLException again) {
                LOG.warn("time series: could not create the telemetry_hourly view either: {}", again.getMessage());
            }
            return Mode.PLAIN;
        }
    }

    private static String availableVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean isContinuousAggregate(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")) {
            if (!rs.next()) {
                return false;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM timescaledb_information.continuous_aggregates"
                     + " WHERE view_name = 'telemetry_hourly'")) {
            return rs.next();
        }
    }

    private static void plain(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(PLAIN_VIEW);
        }
    }
}
