package io.stocksense.cloud.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stocksense.cloud.CloudConfig;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The HikariCP pool on PostgreSQL, migrated with Flyway ({@code classpath:db/migration}) before use.
 *
 * <p>Every method blocks; call them from worker threads, never from a Vert.x event loop.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Connects and migrates. User and password may be in the URL; {@code user}/{@code password}
     * are used when given.
     *
     * @throws IllegalStateException naming the (redacted) URL when the server cannot be reached
     */
    public static Database connect(String jdbcUrl, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        if (user != null) {
            cfg.setUsername(user);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setPoolName("stocksense-cloud");
        cfg.setMaximumPoolSize(10);
        // Short waits so that an outage fails an ingest batch quickly (and it is not acked) instead of hanging.
        cfg.setConnectionTimeout(5_000);
        cfg.setValidationTimeout(2_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + CloudConfig.redactUrl(jdbcUrl) + ": "
                    + rootMessage(e) + " (check STOCKSENSE_DB_URL / STOCKSENSE_DB_USER / STOCKSENSE_DB_PASSWORD)", e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new IllegalStateException("database migration failed on " + CloudConfig.redactUrl(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        LOG.info("PostgreSQL ready at {}", CloudConfig.redactUrl(jdbcUrl));
        return new Database(ds);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** True when a connection can be borrowed and is valid. */
    public boolean isUp() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
