package io.stocksense.cloud.backup;

import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.inventory.web.DailySnapshotJob;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A backup every day at 02:30 UTC into {@code <data>/cloud/backups/stocksense-<time>.zip}, keeping the
 * newest {@link #KEEP}; each is recorded in the audit log. It runs on a worker thread while the system
 * keeps working (see {@link DatabaseBackup}); a failure is logged and the next day tries again.
 */
public final class BackupJob {

    public static final int KEEP = 7;
    static final Duration AT = Duration.ofMinutes(150);
    private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupJob() {
    }

    public static void schedule(Vertx vertx, DataSource ds, Path dir) {
        long delay = Math.max(1, Duration.between(Instant.now(), DailySnapshotJob.nextRun(Instant.now(), AT)).toMillis());
        vertx.setTimer(delay, id -> vertx.executeBlocking(() -> runOnce(ds, dir), false).onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.info("backup written to {}", ar.result());
            } else {
                LOG.error("scheduled backup failed: {}", ar.cause().toString());
            }
            schedule(vertx, ds, dir);
        }));
    }

    /** Writes one backup into {@code dir}, prunes old ones, records it; the file written. */
    public static Path runOnce(DataSource ds, Path dir) throws Exception {
        Path file = dir.resolve("stocksense-" + NAME.format(Instant.now()) + ".zip");
        BackupManifest m = DatabaseBackup.toFile(ds, file);
        prune(dir);
        new AuditStore(ds).append(AuditEntry.system("backup", "backups", file.getFileName().toString(),
                "{\"schemaVersion\":\"" + m.schemaVersion() + "\",\"tables\":" + m.tables().size() + ",\"rows\":" + m.rows() + "}"));
        return file;
    }

    private static void prune(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().matches("stocksense-\\d{8}T\\d{6}Z\\.zip"))
                    .sorted().toList();
            for (int i = 0; i < backups.size() - KEEP; i++) {
                Files.deleteIfExists(backups.get(i));
            }
        }
    }
}
