package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance: postings that race for the same stock are serialized by the database. 50 threads
 * released at once try to take 100 units out of 20: exactly 20 succeed, the other 80 get 409, the
 * level ends at 0 and the ledger's running balance never dips below zero. The same holds when
 * transfers, adjustments and scrap race for one stock, and when multi-line transfers race outbound
 * adjustments (sales) of their SKUs.
 */
class LedgerConcurrencyIT extends CloudITSupport {

    static final int THREADS = 50;
    static final int ATTEMPTS = 2;

    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
        InventoryFixtures.addWarehouse(core.dataSource(), "WH2", "RECV-1");
    }

    @Test
    void conflictingOutboundAdjustmentsTakeExactlyTheStockThatExists() throws Exception {
        inv.stock("BOLT-M8", "WH1", "SHELF-A1", "20");

        Map<Integer, AtomicInteger> statuses = race(THREADS, i -> inv.adjust("BOLT-M8", "WH1", "SHELF-A1", "-1", "picked " + i));

        assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 409);
        assertThat(statuses.get(201).get()).isEqualTo(20);
        assertThat(statuses.get(409).get()).isEqualTo(THREADS * ATTEMPTS - 20);
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("0");
        assertRunningBalanceNeverNegative("BOLT-M8", "SHELF-A1", 21);
        inv.assertInvariantOk();
    }

    @Test
    void transfersAdjustmentsAndScrapRacingForOneStockTakeExactlyIt() throws Exception {
        inv.stock("NUT-M8", "WH1", "SHELF-A2", "20");
        AtomicInteger transfersOk = new AtomicInteger();

        Map<Integer, AtomicInteger> statuses = race(THREADS, i -> {
            if (i % 2 == 0) {
                HttpResponse<String> r = inv.transfer("NUT-M8", "1", "WH1", "SHELF-A2", "WH2", "RECV-1");
                if (r.statusCode() == 201) {
                    transfersOk.incrementAndGet();
                }
                return r;
            }
            return i % 4 == 1 ? inv.adjust("NUT-M8", "WH1", "SHELF-A2", "-1", "count correction " + i)
                    : inv.scrap("NUT-M8", "WH1", "SHELF-A2", "1", "damaged " + i);
        });

        assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 409);
        assertThat(statuses.get(201).get()).as("total leaving").isEqualTo(20);
        assertThat(statuses.get(409).get()).isEqualTo(THREADS * ATTEMPTS - 20);
        assertThat(transfersOk.get()).isPositive();
        assertThat(inv.level("NUT-M8", "WH1", "SHELF-A2")).isEqualByComparingTo("0");
        assertThat(inv.level("NUT-M8", "WH2", "TRANSIT")).isEqualByComparingTo(BigDecimal.valueOf(transfersOk.get()));
        assertThat(rest.getJson("/api/v1/transfers?status=shipped&limit=1000", token)).hasSize(transfersOk.get());
        assertRunningBalanceNeverNegative("NUT-M8", "SHELF-A2", 21);
        inv.assertInvariantOk();
    }

    /**
     * Multi-line transfers (2 × GLOVE-L from SHELF-A3 and 1 × TAPE-50 from SHELF-A4 each) race outbound
     * adjustments of either SKU for 20 units of each: every unit leaves exactly once, through whichever
     * request got it; a transfer is all lines or nothing; no running balance dips below zero.
     */
    @Test
    void multiLineTransfersRacingOutboundAdjustmentsTakeExactlyTheStockThatExists() throws Exception {
        inv.stock("GLOVE-L", "WH1", "SHELF-A3", "20");
        inv.stock("TAPE-50", "WH1", "SHELF-A4", "20");
        AtomicInteger transfersOk = new AtomicInteger();
        AtomicInteger glovesAdjusted = new AtomicInteger();
        AtomicInteger tapesAdjusted = new AtomicInteger();
        String transfer = "{\"fromWarehouse\":\"WH1\",\"toWarehouse\":\"WH2\",\"toLocation\":\"RECV-1\",\"lines\":["
                + "{\"sku\":\"GLOVE-L\",\"quantity\":2,\"fromLocation\":\"SHELF-A3\"},"
                + "{\"sku\":\"TAPE-50\",\"quantity\":1,\"fromLocation\":\"SHELF-A4\"}]}";

        Map<Integer, AtomicInteger> statuses = race(THREADS, i -> {
            HttpResponse<String> r;
            AtomicInteger counter;
            if (i % 2 == 0) {
                r = rest.request("POST", "/api/v1/transfers", token, transfer);
                counter = transfersOk;
            } else if (i % 4 == 1) {
                r = inv.adjust("GLOVE-L", "WH1", "SHELF-A3", "-1", "sold " + i);
                counter = glovesAdjusted;
            } else {
                r = inv.adjust("TAPE-50", "WH1", "SHELF-A4", "-1", "sold " + i);
                counter = tapesAdjusted;
            }
            if (r.statusCode() == 201) {
                counter.incrementAndGet();
            }
            return r;
        });

        assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 409);
        assertThat(transfersOk.get()).isPositive();
        assertThat(2 * transfersOk.get() + glovesAdjusted.get()).as("gloves leaving").isEqualTo(20);
        assertThat(transfersOk.get() + tapesAdjusted.get()).as("tapes leaving").isEqualTo(20);
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A3")).isEqualByComparingTo("0");
        assertThat(inv.level("TAPE-50", "WH1", "SHELF-A4")).isEqualByComparingTo("0");
        assertThat(inv.level("GLOVE-L", "WH2", "TRANSIT")).isEqualByComparingTo(BigDecimal.valueOf(2L * transfersOk.get()));
        assertThat(inv.level("TAPE-50", "WH2", "TRANSIT")).isEqualByComparingTo(BigDecimal.valueOf(transfersOk.get()));
        JsonNode shipped = rest.getJson("/api/v1/transfers?status=shipped&limit=1000", token);
        int multiLine = 0;
        for (JsonNode t : shipped) {
            multiLine += t.get("lines").size() == 2 ? 1 : 0;
        }
        assertThat(multiLine).isEqualTo(transfersOk.get());
        assertRunningBalanceNeverNegative("GLOVE-L", "SHELF-A3", 1 + transfersOk.get() + glovesAdjusted.get());
        assertRunningBalanceNeverNegative("TAPE-50", "SHELF-A4", 1 + transfersOk.get() + tapesAdjusted.get());
        inv.assertInvariantOk();
    }

    /**
     * Releases {@code threads} threads at once; each makes {@link #ATTEMPTS} calls. Returns how often
     * each status came back; a 409 must be a problem saying how much (less than requested) was available.
     */
    private static Map<Integer, AtomicInteger> race(int threads, IntFunction<HttpResponse<String>> call) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int a = 0; a < ATTEMPTS; a++) {
                        HttpResponse<String> r = call.apply(thread);
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 409) {
                            assertConflict(r);
                        } else {
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(); // rethrows a failed assertion of a worker thread
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        return statuses;
    }

    private static void assertConflict(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = RestClient.json(r);
        assertThat(p.get("status").asInt()).isEqualTo(409);
        assertThat(p.get("type").asText()).isEqualTo("urn:stocksense:problem:insufficient-stock");
        // Less than asked for is left (for the one-unit requests: nothing), never a negative amount.
        BigDecimal available = p.get("available").decimalValue();
        assertThat(available.signum()).isGreaterThanOrEqualTo(0);
        assertThat(available).isLessThan(p.get("requested").decimalValue());
        assertThat(p.get("detail").asText()).startsWith("only " + available.toPlainString() + " ");
    }

    /** Replays the key's ledger rows in commit order (ids are taken under the row lock): never below zero. */
    private static void assertRunningBalanceNeverNegative(String sku, String location, int expectedRows) {
        JsonNode rows = rest.getJson("/api/v1/movements?sku=" + sku + "&limit=1000", token);
        List<JsonNode> atLocation = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("location").asText().equals(location)) {
                atLocation.add(r);
            }
        });
        atLocation.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
        assertThat(atLocation).hasSize(expectedRows);
        BigDecimal balance = BigDecimal.ZERO;
        for (JsonNode r : atLocation) {
            balance = balance.add(r.get("quantity").decimalValue());
            assertThat(balance.signum()).as("balance after ledger row %s", r).isGreaterThanOrEqualTo(0);
            assertThat(r.get("user").asText()).isEqualTo("admin");
        }
        assertThat(balance).isEqualByComparingTo("0");
    }
}
