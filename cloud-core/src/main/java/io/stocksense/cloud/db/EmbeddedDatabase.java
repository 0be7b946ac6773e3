package io.stocksense.cloud.db;

import io.stocksense.cloud.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server run from the zonky binaries, with its data directory under the StockSense
 * data directory. The data directory is kept between starts ({@code setCleanDataDirectory(false)}),
 * so stock survives a restart. It listens on a free loopback port chosen at each start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (initialising the data directory on first use) and blocks until it accepts connections. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // CloudCore stops PostgreSQL last, from its own hook; zonky's hook would race it and
                    // pull the database from under the ingest still committing its last batch.
                    .setRegisterShutdownHook(false)
                    .setPort(Ports.freePort("127.0.0.1"))
                    .start();
            LOG.info("embedded PostgreSQL running on port {} with data in {}", pg.getPort(), dataDirectory);
            return new EmbeddedDatabase(pg);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start with data directory " + dataDirectory
                    + " (is another cloud-core using it?): " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the {@code postgres} database as the {@code postgres} user (no password: local trust). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
