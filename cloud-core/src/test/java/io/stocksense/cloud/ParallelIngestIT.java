package io.stocksense.cloud;

import io.stocksense.cloud.ingest.BatchProcessor;
import io.stocksense.cloud.ingest.IngestMetrics;
import io.stocksense.cloud.ingest.IngestWorkers;
import io.stocksense.cloud.ingest.LiveListener;
import io.stocksense.cloud.inventory.api.InvariantReport;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.BatchCodec;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.EventBatch;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several ingest workers posting at once stay exact: four gateways' batches, all on the same six
 * SKU × location keys, go through two {@link IngestWorkers} of two cloud-core instances at the same
 * time (each batch delivered to both, as after a redelivery to the shared subscription). Every event
 * counts exactly once, each level equals the sum of its movements, and the invariant check is clean.
 */
class ParallelIngestIT extends CloudITSupport {

    private static final String WH = "WHPAR";
    private static final String[] SKUS = {"PAR-1", "PAR-2", "PAR-3"};
    private static final String[] LOCATIONS = {"PAR-A", "PAR-B"};

    @Test
    void twoInstancesWithTwoWorkersEachPostEveryEventOnce() throws Exception {
        seed();
        Map<String, BigDecimal> expected = new HashMap<>();
        List<Sent> batches = batches(4, 10, 100, expected);
        int events = 4 * 10 * 100;

        long[] first = new long[3];
        long[] second = new long[3];
        try (IngestWorkers a = new IngestWorkers(2, 8, "it-ingest-a"); IngestWorkers b = new IngestWorkers(2, 8, "it-ingest-b")) {
            BatchProcessor pa = new BatchProcessor(core.dataSource(), new IngestMetrics(), LiveListener.NONE);
            BatchProcessor pb = new BatchProcessor(core.dataSource(), new IngestMetrics(), LiveListener.NONE);
            CountDownLatch done = new CountDownLatch(2 * batches.size());
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (Sent s : batches) {
                submit(pa, a, s, first, done, failure);
                submit(pb, b, s, second, done, failure);
            }
            done.await();
            assertThat(failure.get()).as("a batch failed").isNull();
        }

        assertThat(first[0] + second[0]).as("accepted by the two instances").isEqualTo(events);
        assertThat(first[1] + second[1]).as("duplicates seen by the two instances").isEqualTo(events);
        assertThat(first[2] + second[2]).as("rejected").isZero();
        Map<String, String> sums = new HashMap<>();
        expected.forEach((k, v) -> sums.put(k, v.stripTrailingZeros().toPlainString()));
        assertThat(levels()).isEqualTo(sums);
        InvariantReport invariant = new InventoryQueries(core.dataSource()).invariant();
        assertThat(invariant.differences()).isEmpty();
        assertThat(invariant.ok()).isTrue();
    }

    private record Sent(Topics.Address from, String topic, byte[] payload) {
    }

    private static void submit(BatchProcessor processor, IngestWorkers workers, Sent s, long[] counts, CountDownLatch done,
                               AtomicReference<Throwable> failure) {
        BatchProcessor.Received r = processor.decode(s.from(), s.topic(), s.payload(), System.nanoTime());
        workers.execute(s.from().gatewayId(), () -> {
            try {
                BatchAck ack = processor.post(r).orElseThrow();
                synchronized (counts) {
                    counts[0] += ack.accepted();
                    counts[1] += ack.duplicates();
                    counts[2] += ack.rejected().size();
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                done.countDown();
            }
        });
    }

    /** Receipts and picks in random order over few keys, so concurrent batches fight for the same rows. */
    private static List<Sent> batches(int gateways, int perGateway, int size, Map<String, BigDecimal> expected) {
        Random rnd = new Random(7);
        AtomicLong id = new AtomicLong();
        List<Sent> out = new ArrayList<>();
        for (int n = 0; n < perGateway; n++) {
            for (int g = 0; g < gateways; g++) {
                String gateway = "gw-par-" + g;
                List<GatewayEvent> events = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    String sku = SKUS[rnd.nextInt(SKUS.length)];
                    String loc = LOCATIONS[rnd.nextInt(LOCATIONS.length)];
                    boolean pick = rnd.nextInt(4) == 0;
                    BigDecimal qty = BigDecimal.valueOf(1 + rnd.nextInt(9));
                    expected.merge(sku + "@" + loc, pick ? qty.negate() : qty, BigDecimal::add);
                    events.add(new StockMovement("par-" + id.incrementAndGet(), null, "dev-par", id.get(), Instant.now(),
                            Instant.now(), ClockSync.SYNCED, pick ? MovementType.SHELF_PICK : MovementType.RECEIPT, WH, loc,
                            List.of(new MovementLine(sku, null, qty, "EA", null, List.of())), null, List.of()));
                }
                byte[] payload = BatchCodec.encode(new EventBatch(TestGateway.SITE, gateway, n + 1, events));
                out.add(new Sent(new Topics.Address(TestGateway.SITE, gateway, Topics.Channel.MOVEMENTS),
                        Topics.up(TestGateway.SITE, gateway, Topics.Channel.MOVEMENTS), payload));
            }
        }
        return out;
    }

    private static void seed() throws SQLException {
        InventoryFixtures.addWarehouse(core.dataSource(), WH, LOCATIONS[0]);
        InventoryFixtures.addWarehouse(core.dataSource(), WH, LOCATIONS[1]);
        try (Connection c = core.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String sku : SKUS) {
                st.execute("INSERT INTO product (sku, name, unit) VALUES ('" + sku + "', 'parallel ingest', 'EA')");
            }
        }
    }

    private static Map<String, String> levels() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = core.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sku, location, quantity FROM stock_level WHERE warehouse = ?")) {
            ps.setString(1, WH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "@" + rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
                }
            }
        }
        return out;
    }
}
