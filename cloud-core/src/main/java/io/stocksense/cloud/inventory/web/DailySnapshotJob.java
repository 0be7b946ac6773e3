package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.inventory.api.SnapshotView;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.web.ApiJson;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Takes a closing snapshot every day just after midnight UTC, so "stock as of" never reads more than
 * about a day of ledger rows. The snapshot runs on a worker thread; a failure is logged and the next
 * day tries again (a missed day only makes the next "as of" read a longer range). Timers end with Vert.x.
 */
public final class DailySnapshotJob {

    private static final Logger LOG = LoggerFactory.getLogger(DailySnapshotJob.class);
    /** After midnight, so that postings stamped just before it have committed. */
    static final Duration AFTER_MIDNIGHT = Duration.ofMinutes(5);

    private DailySnapshotJob() {
    }

    public static void schedule(Vertx vertx, SnapshotStore snapshots, AuditStore audit) {
        long delay = Math.max(1, Duration.between(Instant.now(), nextRun(Instant.now())).toMillis());
        vertx.setTimer(delay, id -> {
            vertx.executeBlocking(() -> {
                SnapshotView taken = snapshots.take(null, "system");
                audit.append(AuditEntry.system("closing-snapshot", "inventory", taken.snapshotAt().toString(), ApiJson.write(taken)));
                return taken;
            }, false).onComplete(ar -> {
                if (ar.succeeded()) {
                    LOG.info("closing snapshot at {}: {} levels", ar.result().snapshotAt(), ar.result().rows());
                } else {
                    LOG.warn("closing snapshot failed: {}", ar.cause().toString());
                }
                schedule(vertx, snapshots, audit);
            });
        });
    }

    static Instant nextRun(Instant now) {
        return nextRun(now, AFTER_MIDNIGHT);
    }

    /** The next instant {@code afterMidnight} past a UTC midnight, after {@code now}. */
    public static Instant nextRun(Instant now, Duration afterMidnight) {
        Instant today = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant().plus(afterMidnight);
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    }
}
