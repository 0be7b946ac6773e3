package io.stocksense.cloud;

import io.stocksense.cloud.audit.domain.ChainVerdict;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.backup.BackupManifest;
import io.stocksense.cloud.backup.DatabaseBackup;
import io.stocksense.cloud.backup.DatabaseRestore;
import io.stocksense.cloud.db.EmbeddedDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Maintenance commands against the configured database ({@code STOCKSENSE_DB_URL}, else the embedded one
 * under {@code STOCKSENSE_DATA_DIR}): {@code backup --out FILE}, {@code restore FILE [--replace]} and
 * {@code audit-verify}. While a cloud-core runs on the embedded database, backup and audit-verify connect to
 * it (its port is in {@code postmaster.pid}); otherwise the embedded database is started for the command.
 * A restore needs cloud-core stopped. Each command returns the process exit code and never throws.
 */
public final class CloudTools {

    private CloudTools() {
    }

    public static int run(String command, String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            CloudConfig cfg = CloudConfig.fromEnv(env);
            switch (command) {
                case "backup":
                    if (args.length != 2 || !"--out".equals(args[0])) {
                        err.println("usage: stocksense backup --out FILE");
                        return 2;
                    }
                    return withDatabase(cfg, true, ds -> {
                        BackupManifest m = DatabaseBackup.toFile(ds, Path.of(args[1]));
                        out.printf("backup of schema version %s written to %s: %d tables, %d rows%n", m.schemaVersion(), args[1],
                                m.tables().size(), m.rows());
                        return 0;
                    });
                case "restore":
                    boolean replace = List.of(args).contains("--replace");
                    List<String> files = List.of(args).stream().filter(a -> !a.equals("--replace")).toList();
                    if (files.size() != 1 || !Files.isRegularFile(Path.of(files.get(0)))) {
                        err.println("usage: stocksense restore FILE [--replace]   (FILE must be a backup archive)");
                        return 2;
                    }
                    return withDatabase(cfg, false, ds -> {
                        BackupManifest m = DatabaseRestore.restore(ds, Path.of(files.get(0)), replace);
                        out.printf("restored %d rows in %d tables (schema version %s, backup of %s)%n", m.rows(), m.tables().size(),
                                m.schemaVersion(), m.createdAt());
                        return 0;
                    });
                case "audit-verify":
                    return withDatabase(cfg, true, ds -> {
                        ChainVerdict v = new AuditStore(ds).verify();
                        out.printf("audit log: %s, %d entries checked%s%n", v.ok() ? "ok" : "TAMPERED", v.checked(),
                                v.ok() ? "" : "; first bad entry " + v.firstBadEntry() + ": " + v.reason());
                        return v.ok() ? 0 : 1;
                    });
                default:
                    err.println("unknown command " + command);
                    return 2;
            }
        } catch (Exception e) {
            err.println("stocksense " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private interface Work {
        int run(PGSimpleDataSource ds) throws Exception;
    }

    private static int withDatabase(CloudConfig cfg, boolean mayShareRunning, Work work) throws Exception {
        if (cfg.dbUrl() != null) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(cfg.dbUrl());
            if (cfg.dbUser() != null) {
                ds.setUser(cfg.dbUser());
            }
            if (cfg.dbPassword() != null) {
                ds.setPassword(cfg.dbPassword());
            }
            return work.run(ds);
        }
        Path dir = cfg.cloudDir().resolve("postgres");
        Integer runningPort = runningPort(dir);
        if (runningPort != null) {
            if (!mayShareRunning) {
                throw new IllegalStateException("cloud-core is running on " + dir + "; stop it before restoring");
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL("jdbc:postgresql://127.0.0.1:" + runningPort + "/postgres?user=postgres");
            return work.run(ds);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(db.jdbcUrl());
            return work.run(ds);
        }
    }

    /** The port of a PostgreSQL running on {@code dir} (line 4 of postmaster.pid) that accepts connections, or null. */
    private static Integer runningPort(Path dir) {
        Path pid = dir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pid)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pid);
            int port = Integer.parseInt(lines.get(3).trim());
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
            try (Connection c = ds.getConnection()) {
                return c.isValid(2) ? port : null;
            }
        } catch (Exception e) {
            return null; // a stale pid file: the server is not running
        }
    }
}
