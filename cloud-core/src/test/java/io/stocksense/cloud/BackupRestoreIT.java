package io.stocksense.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.backup.BackupManifest;
import io.stocksense.cloud.backup.DatabaseBackup;
import io.stocksense.cloud.backup.DatabaseRestore;
import io.stocksense.cloud.db.EmbeddedDatabase;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken while postings run (REST adjustments from several threads and device batches over MQTT)
 * restored into a fresh embedded PostgreSQL equals, table by table and row by row, what the backup's
 * snapshot saw; a cloud-core on the restored database then takes a gateway's re-delivered batch as duplicates.
 */
class BackupRestoreIT extends CloudITSupport {

    @Test
    void backupUnderLoadRestoresIntoAFreshInstanceIdentically() throws Exception {
        String admin = adminToken();
        InventoryFixtures fx = new InventoryFixtures(rest, admin);
        fx.stock("TAPE-50", "WH1", "SHELF-A4", "100000");
        ObjectNode acked;
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            acked = TestGateway.batch(seq, TestGateway.movement(MovementType.SHELF_PLACEMENT, "SHELF-A4", "TAPE-50", "12", "EA"));
            gw.publish(Topics.Channel.MOVEMENTS, acked);
            assertThat(gw.awaitAck(seq).accepted()).isEqualTo(1);
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger posted = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            load.add(started(() -> {
                while (!stop.get()) {
                    if (fx.adjust("TAPE-50", "WH1", "SHELF-A4", posted.get() % 2 == 0 ? "-1" : "2", "load").statusCode() == 201) {
                        posted.incrementAndGet();
                    }
                }
            }));
        }
        load.add(started(() -> {
            try (TestGateway gw = new TestGateway(core.mqttUrl())) {
                while (!stop.get()) {
                    long seq = TestGateway.nextSeq();
                    gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                            TestGateway.movement(MovementType.SHELF_PICK, "SHELF-A4", "TAPE-50", "1", "EA")));
                    gw.awaitAck(seq);
                    posted.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        while (posted.get() < 60) {
            Thread.sleep(20);
        }

        Path archive = Files.createTempDirectory("stocksense-backup").resolve("backup.zip");
        AtomicReference<Connection> snapshotView = new AtomicReference<>();
        int before = posted.get();
        BackupManifest manifest;
        try (OutputStream out = Files.newOutputStream(archive)) {
            manifest = DatabaseBackup.write(core.dataSource(), out, snapshot -> snapshotView.set(importSnapshot(snapshot)));
        }
        int during = posted.get() - before;
        Map<String, List<String>> expected = new LinkedHashMap<>();
        try (Connection c = snapshotView.get()) {
            for (BackupManifest.Table t : manifest.tables()) {
                expected.put(t.name(), rows(c, t.name()));
            }
            c.commit();
        }
        while (posted.get() < before + during + 30) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread t : load) {
            t.join();
        }
        long ledgerNow;
        try (Connection c = core.dataSource().getConnection()) {
            ledgerNow = rows(c, "stock_ledger").size();
        }
        assertThat(ledgerNow).as("postings went on after the backup's snapshot").isGreaterThan(expected.get("stock_ledger").size());

        Path freshDir = Files.createTempDirectory("stocksense-restored");
        try (EmbeddedDatabase fresh = EmbeddedDatabase.start(freshDir.resolve("postgres"))) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(fresh.jdbcUrl());
            long t0 = System.nanoTime();
            DatabaseRestore.restore(ds, archive, false);
            long restoreMs = (System.nanoTime() - t0) / 1_000_000;
            try (Connection c = ds.getConnection()) {
                for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                    assertThat(rows(c, e.getKey())).as("table " + e.getKey()).containsExactlyElementsOf(e.getValue());
                }
            }
            assertThat(expected.keySet()).contains("stock_level", "stock_ledger", "stock_transfer", "stocktake", "audit_log", "product");
            assertThat(new InventoryQueries(ds).invariant().ok()).as("levels == ledger sums in the restored database").isTrue();
            assertThat(new AuditStore(ds).verify().ok()).as("the restored audit chain verifies").isTrue();
            System.out.printf("backup under load: %d tables, %d rows (%d ledger rows, %d audit entries), %d postings committed"
                            + " while the backup ran, %d bytes; restored in %d ms; every table identical to the snapshot%n",
                    manifest.tables().size(), manifest.rows(), expected.get("stock_ledger").size(), expected.get("audit_log").size(),
                    during, Files.size(archive), restoreMs);
            assertThat(DatabaseRestoreRefusal.refuses(ds, archive)).contains("already holds data");
            redeliveryAfterRestoreIsIdempotent(fresh, acked);
        }
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r, "backup-load");
        t.start();
        return t;
    }

    /** A batch the gateway had sent before the backup, sent again to a cloud-core on the restored database. */
    private static void redeliveryAfterRestoreIsIdempotent(EmbeddedDatabase restored, ObjectNode acked) throws Exception {
        CloudConfig cfg = new CloudConfig(0, 0, Files.createTempDirectory("stocksense-restored-cloud"), restored.jdbcUrl(), null,
                null, null, ADMIN_PASSWORD, List.of(DEMO_SITE), false);
        try (CloudCore second = CloudCore.start(cfg); TestGateway gw = new TestGateway(second.mqttUrl())) {
            gw.publish(Topics.Channel.MOVEMENTS, acked);
            BatchAck ack = gw.awaitAck(acked.get("batchSeq").asLong());
            assertThat(ack.accepted()).isZero();
            assertThat(ack.duplicates()).isEqualTo(1);
        }
    }

    private static Connection importSnapshot(String snapshot) {
        try {
            Connection c = core.dataSource().getConnection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "") + "'");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a table as text, in a total order. */
    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Restoring onto a database with data is refused (without the explicit replace). */
    private static final class DatabaseRestoreRefusal {
        static String refuses(PGSimpleDataSource ds, Path archive) {
            try {
                DatabaseRestore.restore(ds, archive, false);
                return "not refused";
            } catch (Exception e) {
                return e.getMessage();
            }
        }
    }
}
