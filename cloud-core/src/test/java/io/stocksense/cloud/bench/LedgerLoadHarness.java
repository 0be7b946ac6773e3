package io.stocksense.cloud.bench;

import io.stocksense.cloud.db.Database;
import io.stocksense.cloud.ingest.BatchProcessor;
import io.stocksense.cloud.ingest.IngestMetrics;
import io.stocksense.cloud.ingest.IngestWorkers;
import io.stocksense.cloud.ingest.LiveListener;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchCodec;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.EventBatch;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Ledger load harness (README "Benchmarks"), run by {@code ./mvnw -B -o -pl cloud-core -am -Pbench -DskipTests verify}.
 *
 * <p>Part 1 posts movements through the real ingest path as {@code MqttIngest} does ({@link
 * BatchProcessor#decode} on this thread, {@link BatchProcessor#post} on {@link IngestWorkers}: dedup by
 * eventId, validation, ledger row and level upsert, one transaction per batch of 500, several
 * gateways), then re-delivers every batch; {@link IngestProfile} says where the time went. Part 2 bulk-loads a large ledger in SQL, takes a closing snapshot with the
 * real {@link SnapshotStore}, and times "stock as of" and the current stock report through
 * {@link SnapshotStore} and {@link InventoryQueries} — the code behind {@code GET /api/v1/stock}.
 *
 * <p>Arguments: movements to ingest (default 200000), ledger rows (default 10000000). System
 * properties: {@code bench.workers}, {@code bench.gateways}, {@code bench.setup} (SQL run after the
 * migrations, for schema experiments).
 */
public final class LedgerLoadHarness {

    static final int SKUS = 1_000;
    static final int LOCATIONS = 50;
    static final int BATCH = 500;
    static final String SITE = "site1";
    static final String GATEWAY = "gw-bench";
    static final int GATEWAYS = 4;
    static final String WH = "WH1";

    private final List<String> summary = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int movements = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long ledgerRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        new LedgerLoadHarness().run(movements, ledgerRows);
        System.exit(0);
    }

    private void run(int movements, long ledgerRows) throws Exception {
        Path dir = Files.createTempDirectory("ledger-bench-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("max_wal_size", "4GB").setServerConfig("shared_buffers", "256MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
             Database db = Database.connect(pg.getJdbcUrl("postgres", "postgres"), null, null)) {
            DataSource ds = db.dataSource();
            String setup = System.getProperty("bench.setup", "");
            if (!setup.isBlank()) {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute(setup); // schema experiments, e.g. -Dbench.setup="DROP INDEX stock_ledger_sku"
                }
                summary.add("schema changed before the run: " + setup);
            }
            machine(ds);
            seedMasterData(ds);
            ingest(ds, movements);
            new LedgerQueryBench(ds, summary).run(ledgerRows);
        }
        System.out.println();
        System.out.println("===== LEDGER BENCHMARK SUMMARY =====");
        summary.forEach(System.out::println);
        System.out.println("====================================");
    }

    private void machine(DataSource ds) throws SQLException {
        summary.add(String.format("machine: nproc=%d, JVM %s %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), current_setting('shared_buffers'),"
                     + " current_setting('synchronous_commit'), current_setting('fsync'),"
                     + " (SELECT datcollate FROM pg_database WHERE datname = current_database())")) {
            rs.next();
            summary.add("database: " + rs.getString(1).replaceAll(",.*", "") + " (embedded zonky; shared_buffers "
                    + rs.getString(2) + ", synchronous_commit " + rs.getString(3) + ", fsync " + rs.getString(4) + ", collation " + rs.getString(5) + ")");
        }
    }

    static void seedMasterData(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO warehouse (code, name, site_id) VALUES ('" + WH + "', 'Bench', '" + SITE + "')");
            st.execute("INSERT INTO location (warehouse, code, name) SELECT '" + WH + "', " + locSql("g") + ", 'loc'"
                    + " FROM generate_series(0, " + (LOCATIONS - 1) + ") g");
            st.execute("INSERT INTO product (sku, name, unit) SELECT " + skuSql("g") + ", 'product', 'EA'"
                    + " FROM generate_series(0, " + (SKUS - 1) + ") g");
        }
    }

    static String skuSql(String n) {
        return "'SKU' || lpad((" + n + ")::text, 4, '0')";
    }

    static String locSql(String n) {
        return "'L' || lpad((" + n + ")::text, 3, '0')";
    }

    static String sku(int n) {
        return String.format("SKU%04d", n);
    }

    static String loc(int n) {
        return String.format("L%03d", n);
    }

    /** Part 1: every batch once, then every batch again (all duplicates). */
    private void ingest(DataSource ds, int movements) throws SQLException, InterruptedException {
        int gateways = Integer.getInteger("bench.gateways", GATEWAYS);
        List<IngestDriver.Sent> batches = batches(movements, gateways, 1, "ev");
        IngestMetrics metrics = new IngestMetrics();
        BatchProcessor processor = new BatchProcessor(ds, metrics, LiveListener.NONE);
        try (IngestWorkers workers = new IngestWorkers(Integer.getInteger("bench.workers", IngestWorkers.DEFAULT_COUNT),
                256, "bench-ingest")) {
            // Warm-up on batches of a separate id space, so JIT and connection set-up are not timed.
            IngestDriver.run(processor, workers, batches(BATCH * 40, gateways, 1_000_000, "warm"));
            long td = System.nanoTime();
            batches.forEach(b -> BatchCodec.decode(b.payload()));
            double decode = (System.nanoTime() - td) / 1e9;
            IngestProfile profile = new IngestProfile();
            profile.start(ds);
            long t0 = System.nanoTime();
            long[] counts = IngestDriver.run(processor, workers, batches);
            double first = (System.nanoTime() - t0) / 1e9;
            double[] cpu = profile.print(ds, first);
            long t1 = System.nanoTime();
            long[] again = IngestDriver.run(processor, workers, batches);
            double second = (System.nanoTime() - t1) / 1e9;
            System.out.printf("ingest: %d accepted, %d duplicates, %d rejected in %.1f s; re-delivery: %d accepted,"
                    + " %d duplicates in %.1f s%n", counts[0], counts[1], counts[2], first, again[0], again[1], second);
            if (counts[0] != movements || again[1] != movements) {
                throw new IllegalStateException("ingest counts are wrong: " + Arrays.toString(counts) + " " + Arrays.toString(again));
            }
            boolean consistent = new InventoryQueries(ds).invariant().ok();
            summary.add(String.format("ingest (decode + BatchProcessor.post on %d IngestWorkers, %d gateways, batches of %d,"
                    + " %d SKUs x %d locations, %d movements):", workers.count(), gateways, BATCH, SKUS, LOCATIONS, movements));
            summary.add(String.format("  new movements      %,10.0f postings/s  (%.1f s; levels = sum of ledger: %s)",
                    movements / first, first, consistent));
            summary.add(String.format("  CPU per 1,000 new movements: %.0f ms JVM + %.0f ms PostgreSQL (run: %.1f s + %.1f s)",
                    cpu[0] * 1e6 / movements, cpu[1] * 1e6 / movements, cpu[0], cpu[1]));
            summary.add(String.format("  re-delivered (dup) %,10.0f events/s    (%.1f s, all %d counted as duplicates)",
                    movements / second, second, again[1]));
            summary.add(String.format("  (JSON decoding of all batches on one thread: %.1f s)", decode));
        }
    }

    /**
     * Encoded batches of single-line movements over a uniform SKU × location spread (1 in 10 is a pick),
     * sent in turn by {@code gateways} gateways, each numbering its own batches.
     */
    private static List<IngestDriver.Sent> batches(int movements, int gateways, long firstSeq, String idPrefix) {
        Random rnd = new Random(42 + firstSeq);
        Instant now = Instant.now();
        List<IngestDriver.Sent> out = new ArrayList<>();
        for (int start = 0, b = 0; start < movements; start += BATCH, b++) {
            String gateway = GATEWAY + "-" + (b % gateways);
            List<GatewayEvent> events = new ArrayList<>(BATCH);
            for (int i = start; i < Math.min(movements, start + BATCH); i++) {
                boolean pick = rnd.nextInt(10) == 0;
                MovementLine line = new MovementLine(sku(rnd.nextInt(SKUS)), null, BigDecimal.valueOf(1 + rnd.nextInt(20)),
                        "EA", null, List.of());
                events.add(new StockMovement(idPrefix + "-" + i, null, "dev-bench", i + 1, now, now, ClockSync.SYNCED,
                        pick ? MovementType.SHELF_PICK : MovementType.RECEIPT, WH, loc(rnd.nextInt(LOCATIONS)),
                        List.of(line), null, List.of()));
            }
            byte[] payload = BatchCodec.encode(new EventBatch(SITE, gateway, firstSeq + b / gateways, events));
            out.add(new IngestDriver.Sent(new Topics.Address(SITE, gateway, Topics.Channel.MOVEMENTS),
                    Topics.up(SITE, gateway, Topics.Channel.MOVEMENTS), payload));
        }
        return out;
    }

    static double medianMillis(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
