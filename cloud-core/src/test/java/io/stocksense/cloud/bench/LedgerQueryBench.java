package io.stocksense.cloud.bench;

import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.cloud.inventory.store.SnapshotStore;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.stocksense.cloud.bench.LedgerLoadHarness.LOCATIONS;
import static io.stocksense.cloud.bench.LedgerLoadHarness.SKUS;
import static io.stocksense.cloud.bench.LedgerLoadHarness.WH;
import static io.stocksense.cloud.bench.LedgerLoadHarness.locSql;
import static io.stocksense.cloud.bench.LedgerLoadHarness.skuSql;

/**
 * Part 2 of the harness: a ledger of N rows spread evenly over the last 365 days (so about N/365 rows
 * fall after a closing snapshot taken one day ago), loaded in SQL with the ledger's indexes dropped and
 * rebuilt from their own definitions, then the stock queries timed warm (median of runs).
 */
final class LedgerQueryBench {

    private static final int WARMUP = 3;
    private static final int RUNS = 9;
    private static final long CHUNK = 1_000_000;

    private final DataSource ds;
    private final List<String> summary;

    LedgerQueryBench(DataSource ds, List<String> summary) {
        this.ds = ds;
        this.summary = summary;
    }

    void run(long rows) throws Exception {
        Instant end = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(365, ChronoUnit.DAYS);
        long t0 = System.nanoTime();
        load(rows, start, end);
        double loadS = LedgerLoadHarness.since(t0).toMillis() / 1e3;
        Instant snapshotAt = end.minus(1, ChronoUnit.DAYS);
        long t1 = System.nanoTime();
        int snapRows = new SnapshotStore(ds).take(snapshotAt, "bench").rows();
        double snapS = LedgerLoadHarness.since(t1).toMillis() / 1e3;
        exec("ANALYZE");
        long ledger = count("SELECT count(*) FROM stock_ledger");
        long after = count("SELECT count(*) FROM stock_ledger WHERE recorded_at > '" + snapshotAt + "'");
        summary.add(String.format("stock queries on a ledger of %,d rows (%,d after the closing snapshot of %,d keys;"
                + " bulk load + index build %.0f s, snapshot %.0f s), warm, median of %d:", ledger, after, snapRows,
                loadS, snapS, RUNS));
        Instant asOf = Instant.now();
        SnapshotStore snapshots = new SnapshotStore(ds);
        InventoryQueries queries = new InventoryQueries(ds);
        StockQuery.Levels oneSku = new StockQuery.Levels("SKU0042", null, null);
        StockQuery.Levels warehouse = new StockQuery.Levels(null, WH, null);
        time("GET /stock?sku=SKU0042&asOf=now", () -> snapshots.levelsAsOf(oneSku, asOf));
        time("GET /stock?warehouse=WH1&asOf=now", () -> snapshots.levelsAsOf(warehouse, asOf));
        time("GET /stock?sku=SKU0042 (current)", () -> queries.levels(oneSku));
        time("GET /stock?warehouse=WH1 (current, the stock balance report)", () -> queries.levels(warehouse));
        time("GET /stock (current, no filter)", () -> queries.levels(new StockQuery.Levels(null, null, null)));
        explainAsOf(oneSku, snapshotAt, asOf);
        explainAsOf(warehouse, snapshotAt, asOf);
        explainReport();
    }

    private void load(long rows, Instant start, Instant end) throws SQLException {
        exec("TRUNCATE stock_ledger, stock_level, stock_snapshot, stock_snapshot_run, ingested_event, inventory_alert");
        List<String> indexes = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'stock_ledger'"
                     + " AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
            while (rs.next()) {
                indexes.add(rs.getString(2));
                System.out.println("rebuilt after load: " + rs.getString(2));
            }
        }
        for (String def : indexes) {
            exec("DROP INDEX " + def.replaceFirst("(?i)CREATE (UNIQUE )?INDEX (\\S+) ON.*", "$2"));
        }
        long stepMicros = Duration.between(start, end).toNanos() / 1000 / rows;
        for (long lo = 0; lo < rows; lo += CHUNK) {
            long hi = Math.min(rows, lo + CHUNK) - 1;
            long t = System.nanoTime();
            // SKU cycles fastest and location next, so every key gets rows throughout the year; quantities
            // are +1..+9 receipts with every fourth row a pick of 1..3, so levels stay positive.
            exec("INSERT INTO stock_ledger (event_id, line_no, sku, warehouse, location, lot, quantity, unit, movement_type,"
                    + " cause_type, cause_ref, device_id, gateway_time, recorded_at)"
                    + " SELECT 'bulk-' || g, 0, " + skuSql("g % " + SKUS) + ", '" + WH + "', " + locSql("(g / " + SKUS + ") % " + LOCATIONS)
                    + ", '', CASE WHEN g % 4 = 3 THEN -(1 + g % 3) ELSE 1 + g % 9 END, 'EA',"
                    + " CASE WHEN g % 4 = 3 THEN 'SHELF_PICK' ELSE 'RECEIPT' END, 'device-event', 'bulk-' || g, 'dev-bulk',"
                    + " ts, ts FROM (SELECT g, timestamptz '" + start + "' + g * interval '" + stepMicros + " microseconds' AS ts"
                    + " FROM generate_series(" + lo + "::bigint, " + hi + "::bigint) g) s");
            System.out.printf("loaded ledger rows %,d..%,d in %.1f s%n", lo, hi, LedgerLoadHarness.since(t).toMillis() / 1e3);
        }
        for (String def : indexes) {
            long t = System.nanoTime();
            exec(def);
            System.out.printf("%.1f s: %s%n", LedgerLoadHarness.since(t).toMillis() / 1e3, def);
        }
        exec("INSERT INTO stock_level (sku, warehouse, location, lot, quantity, unit) SELECT sku, warehouse, location, lot,"
                + " SUM(quantity), MAX(unit) FROM stock_ledger GROUP BY sku, warehouse, location, lot");
        exec("VACUUM ANALYZE stock_ledger");
        exec("VACUUM ANALYZE stock_level");
    }

    private interface Query {
        List<StockLevelView> run() throws SQLException;
    }

    private void time(String label, Query q) throws SQLException {
        int size = 0;
        for (int i = 0; i < WARMUP; i++) {
            size = q.run().size();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            q.run();
            nanos[i] = System.nanoTime() - t;
        }
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        summary.add(String.format("  %-62s %8.1f ms  (min %.1f, max %.1f; %,d rows)", label,
                LedgerLoadHarness.medianMillis(nanos), sorted[0] / 1e6, sorted[RUNS - 1] / 1e6, size));
    }

    /** EXPLAIN ANALYZE of the exact as-of statements of AsOfLevels (their SQL read by reflection, not copied). */
    private void explainAsOf(StockQuery.Levels q, Instant base, Instant asOf) throws Exception {
        Class<?> reader = Class.forName("io.stocksense.cloud.inventory.store.AsOfLevels");
        for (String name : new String[] {"CHANGES_SINCE", "SNAPSHOT_ROWS"}) {
            Field sql = reader.getDeclaredField(name);
            sql.setAccessible(true);
            System.out.println();
            System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the as-of statement " + name + " for " + q + ":");
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql.get(null))) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL work_mem = '" + SnapshotStore.AS_OF_WORK_MEM + "'");
                }
                int next = 1;
                if (name.equals("CHANGES_SINCE")) {
                    ps.setTimestamp(next++, ts(base));
                }
                ps.setTimestamp(next++, ts(name.equals("CHANGES_SINCE") ? asOf : base));
                String[] filters = {q.sku(), q.sku(), q.warehouse(), q.warehouse(), q.location(), q.location()};
                for (String f : filters) {
                    ps.setString(next++, f);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
                c.rollback();
            }
        }
    }

    /** The plan of the stock balance report: InventoryQueries.levels' statement (a local there, so restated here). */
    private void explainReport() throws SQLException {
        System.out.println();
        System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the stock balance report (warehouse " + WH + "):");
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) SELECT sku, warehouse, location, lot,"
                     + " quantity, unit FROM stock_level WHERE quantity <> 0 AND warehouse = ? ORDER BY warehouse COLLATE \"C\","
                     + " location COLLATE \"C\", sku COLLATE \"C\", lot COLLATE \"C\"")) {
            ps.setString(1, WH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
