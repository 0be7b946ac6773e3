package io.stocksense.cloud;

import io.stocksense.cloud.timeseries.TimescaleSetup;
import io.stocksense.protocol.Topics;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-series storage detected at start. The embedded PostgreSQL has no TimescaleDB, so cloud-core must choose the
 * plain mode (telemetry_hourly a view over the plain table); the TimescaleDB statements are checked to parse.
 */
class TimescaleSetupIT extends CloudITSupport {

    /** 42601 syntax_error: what PostgreSQL answers to a statement it cannot parse. */
    private static final String SYNTAX_ERROR = "42601";

    @Test
    void plainPostgresqlGetsThePlainModeAndAnHourlyView() throws Exception {
        assertThat(TimescaleSetup.apply(core.dataSource())).isEqualTo(TimescaleSetup.Mode.PLAIN);
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.TELEMETRY, TestGateway.batch(seq,
                    TestGateway.telemetry("AMBIENT", "temperature", 20.0, "CEL"),
                    TestGateway.telemetry("AMBIENT", "temperature", 23.0, "CEL")));
            assertThat(gw.awaitAck(seq).accepted()).isEqualTo(2);
        }
        try (Connection c = core.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT min_value, max_value, mean_value, readings FROM telemetry_hourly"
                     + " WHERE zone = 'AMBIENT' AND metric = 'temperature'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(20.0);
            assertThat(rs.getDouble(2)).isEqualTo(23.0);
            assertThat(rs.getDouble(3)).isEqualTo(21.5);
            assertThat(rs.getLong(4)).isEqualTo(2);
        }
    }

    @Test
    void timescaleStatementsParseAndFailOnlyForLackOfTheExtension() throws SQLException {
        // A connection of its own: the pool retires a connection that saw 0A000 (feature not supported).
        com.zaxxer.hikari.HikariDataSource pool = core.dataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class);
        try (Connection c = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : TimescaleSetup.TIMESCALE_STATEMENTS) {
                    Savepoint sp = c.setSavepoint();
                    String state = null;
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        state = e.getSQLState();
                        System.out.printf("without TimescaleDB: %s -> %s %s%n", sql.substring(0, Math.min(60, sql.length())),
                                state, e.getMessage().lines().findFirst().orElse(""));
                    }
                    c.rollback(sp);
                    // parsed, then refused for what only TimescaleDB provides: the extension, its functions, its options
                    if (!sql.startsWith("DROP VIEW")) {
                        assertThat(state).as(sql).isNotEqualTo(SYNTAX_ERROR)
                                .isIn(Set.of("0A000", "58P01", "42883", "22023", "42704", "XX000"));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }
}
