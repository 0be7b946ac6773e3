package io.stocksense.cloud.backup;

import io.stocksense.protocol.Json;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Brings a database to the state of a {@link DatabaseBackup} archive: migrates it with Flyway to the
 * archive's schema version, then, in one transaction, loads every table with {@code COPY ... FROM STDIN}
 * (referenced tables first) and puts every sequence where it was. The audit log's rows keep their ids and
 * hashes ({@code stocksense.restore} tells its trigger so), so its chain verifies after a restore.
 * A database that already holds data is refused unless {@code replace} is set, in which case its tables
 * are emptied in the same transaction; on a database the restore itself created from nothing, the rows its
 * migrations seeded are replaced the same way. Either everything is restored or nothing changes. Blocking.
 */
public final class DatabaseRestore {

    private DatabaseRestore() {
    }

    public static BackupManifest restore(DataSource ds, Path archive, boolean replace) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            BackupManifest m = manifest(zip, archive);
            // Migrations seed some tables (approval thresholds, alert settings, document counters). On a database this
            // restore migrates from nothing, that content is the migrations' own and is replaced by the backup's.
            boolean fresh = Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(m.schemaVersion())
                    .load().migrate().initialSchemaVersion == null;
            try (Connection c = ds.getConnection()) {
                String version = Schema.schemaVersion(c);
                if (!m.schemaVersion().equals(version)) {
                    throw new IllegalStateException("the database is at schema version " + version + " but the backup at "
                            + m.schemaVersion() + "; restore into a new, empty database");
                }
                c.setAutoCommit(false);
                try {
                    load(c, zip, m, replace || fresh);
                    c.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            return m;
        }
    }

    private static void load(Connection c, ZipFile zip, BackupManifest m, boolean replace) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL stocksense.restore = 'on'");
            List<String> filled = new ArrayList<>();
            for (BackupManifest.Table t : m.tables()) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + Schema.quote(t.name()) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        filled.add(t.name());
                    }
                }
            }
            if (!filled.isEmpty() && !replace) {
                throw new IllegalStateException("the database already holds data (" + String.join(", ", filled)
                        + "); restore into a new database, or replace its content explicitly");
            }
            if (!filled.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", m.tables().stream().map(t -> Schema.quote(t.name())).toList()));
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table t : m.tables()) {
            ZipEntry entry = zip.getEntry(t.entry());
            if (entry == null) {
                throw new IllegalStateException("the backup lacks " + t.entry());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                long rows = copy.copyIn("COPY " + Schema.quote(t.name()) + " (" + Schema.columnList(t.columns()) + ") FROM STDIN", in);
                if (rows != t.rows()) {
                    throw new IllegalStateException("table " + t.name() + ": " + rows + " rows read, the manifest says " + t.rows());
                }
            }
        }
        for (BackupManifest.Sequence seq : m.sequences()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval((quote_ident(current_schema()) || '.' || quote_ident(?))::regclass, ?, true)")) {
                ps.setString(1, seq.name());
                ps.setLong(2, seq.lastValue());
                ps.executeQuery().close();
            }
        }
    }

    static BackupManifest manifest(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(DatabaseBackup.MANIFEST);
        if (entry == null) {
            throw new IllegalStateException(archive + " is not a StockSense backup: it has no " + DatabaseBackup.MANIFEST);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest m = Json.MAPPER.readValue(in, BackupManifest.class);
            if (m.format() != BackupManifest.FORMAT) {
                throw new IllegalStateException(archive + " has backup format " + m.format() + "; this version reads format "
                        + BackupManifest.FORMAT);
            }
            return m;
        }
    }
}
