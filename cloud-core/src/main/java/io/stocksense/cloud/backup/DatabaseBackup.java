package io.stocksense.cloud.backup;

import io.stocksense.protocol.Json;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A consistent backup of a running database without {@code pg_dump} (the embedded PostgreSQL ships
 * only the server binaries, and a machine's {@code pg_dump} must not be older than the server): one
 * {@code REPEATABLE READ READ ONLY} transaction, so every table is read in the same MVCC snapshot while
 * postings continue, exports each table with {@code COPY ... TO STDOUT} into a zip archive, next to a
 * {@link BackupManifest} naming the schema version. Writers are never blocked. Blocking.
 */
public final class DatabaseBackup {

    static final String MANIFEST = "manifest.json";

    private DatabaseBackup() {
    }

    /** Writes the archive to {@code file} (through a temporary file, so a failed backup leaves no partial archive). */
    public static BackupManifest toFile(DataSource ds, Path file) throws SQLException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".backup-", ".zip.part");
        try {
            BackupManifest m;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                m = write(ds, out, id -> { });
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return m;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the archive to {@code out}. {@code snapshotTaken} gets the exported snapshot id (for
     * {@code SET TRANSACTION SNAPSHOT}) before any table is read, while the snapshot is still open.
     */
    public static BackupManifest write(DataSource ds, OutputStream out, Consumer<String> snapshotTaken) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                String snapshot;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
                snapshotTaken.accept(snapshot);
                BackupManifest m = copyAll(c, out);
                c.commit();
                return m;
            } finally {
                if (!c.isClosed() && !c.getAutoCommit()) {
                    c.rollback();
                }
                c.setReadOnly(false);
            }
        }
    }

    private static BackupManifest copyAll(Connection c, OutputStream out) throws SQLException, IOException {
        String version = Schema.schemaVersion(c);
        if (version == null) {
            throw new IllegalStateException("the database has no Flyway schema history; it is not a StockSense database");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String table : Schema.tablesInDependencyOrder(c)) {
            List<String> columns = Schema.columns(c, table);
            zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
            long rows = copy.copyOut("COPY (SELECT " + Schema.columnList(columns) + " FROM " + Schema.quote(table)
                    + ") TO STDOUT", new FilterOutputStream(zip) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            zip.write(b, off, len);
                        }

                        @Override
                        public void close() {
                            // the zip stays open for the next entry
                        }
                    });
            zip.closeEntry();
            tables.add(new BackupManifest.Table(table, columns, rows));
        }
        BackupManifest m = new BackupManifest(BackupManifest.FORMAT, version, Instant.now(), tables, Schema.sequences(c));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        zip.closeEntry();
        zip.finish();
        return m;
    }
}
