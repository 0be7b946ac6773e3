package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.SHELF_PICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock-condition alerts: low stock and overstock over a whole warehouse, expiring and expired lots;
 * evaluated by manual postings (same transaction), after ingest commits, and on request; one open alert
 * per condition, resolved when it clears.
 */
class AlertsIT extends CloudITSupport {

    static TestGateway gateway;
    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
        product("{\"sku\":\"ALERT-LOW\",\"name\":\"Min 5 max 50\",\"unit\":\"EA\",\"minStock\":5,\"maxStock\":50}");
        product("{\"sku\":\"ALERT-RACE\",\"name\":\"Min 100\",\"unit\":\"EA\",\"minStock\":100}");
        product("{\"sku\":\"ALERT-INGEST\",\"name\":\"Min 4\",\"unit\":\"EA\",\"minStock\":4}");
        product("{\"sku\":\"ALERT-EXP\",\"name\":\"Expiring\",\"unit\":\"EA\",\"trackExpiry\":true}");
        product("{\"sku\":\"ALERT-LATE\",\"name\":\"Threshold set later\",\"unit\":\"EA\"}");
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void lowStockAndOverstockFollowTheWarehouseTotalWithOneOpenAlertEach() {
        inv.stock("ALERT-LOW", "WH1", "SHELF-A3", "4");
        assertThat(open("low-stock", "ALERT-LOW")).singleElement().satisfies(a -> {
            assertThat(a.get("warehouse").asText()).isEqualTo("WH1");
            assertThat(a.get("location").isNull()).isTrue();
            assertThat(a.get("detail").get("onHand").decimalValue()).isEqualByComparingTo("4");
            assertThat(a.get("detail").get("minStock").decimalValue()).isEqualByComparingTo("5");
            assertThat(a.get("detail").get("shortBy").decimalValue()).isEqualByComparingTo("1");
        });
        long id = open("low-stock", "ALERT-LOW").get(0).get("id").asLong();

        assertProblem(inv.adjust("ALERT-LOW", "WH1", "DOCK-1", "0", "nothing"), 400);
        assertThat(inv.adjust("ALERT-LOW", "WH1", "SHELF-A3", "-1", "picked").statusCode()).isEqualTo(201);
        assertThat(open("low-stock", "ALERT-LOW")).singleElement().satisfies(a -> {
            assertThat(a.get("id").asLong()).as("the same alert, updated").isEqualTo(id);
            assertThat(a.get("detail").get("onHand").decimalValue()).isEqualByComparingTo("3");
        });

        inv.stock("ALERT-LOW", "WH1", "DOCK-1", "3"); // 6 over two locations: above min
        assertThat(open("low-stock", "ALERT-LOW")).isEmpty();
        JsonNode resolved = rest.getJson("/api/v1/inventory/alerts?kind=low-stock&sku=ALERT-LOW", token);
        assertThat(resolved).singleElement().satisfies(a -> assertThat(a.get("resolvedAt").asText()).isNotBlank());

        inv.stock("ALERT-LOW", "WH1", "DOCK-1", "45"); // 51
        assertThat(open("overstock", "ALERT-LOW")).singleElement().satisfies(a ->
                assertThat(a.get("detail").get("excess").decimalValue()).isEqualByComparingTo("1"));
        assertThat(inv.scrap("ALERT-LOW", "WH1", "DOCK-1", "2", "damaged").statusCode()).isEqualTo(201);
        assertThat(open("overstock", "ALERT-LOW")).isEmpty();
        assertThat(open(null, "ALERT-LOW")).isEmpty();
        inv.assertInvariantOk();
    }

    @Test
    void concurrentPostingsKeepOneOpenAlertPerCondition() throws Exception {
        inv.stock("ALERT-RACE", "WH1", "SHELF-A4", "60");
        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String location = t % 2 == 0 ? "SHELF-A4" : "DOCK-1";
                String qty = t % 2 == 0 ? "-1" : "1";
                done.add(pool.submit(() -> {
                    start.await();
                    return inv.adjust("ALERT-RACE", "WH1", location, qty, "race").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rest.getJson("/api/v1/inventory/alerts?kind=low-stock&sku=ALERT-RACE", token)).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("resolvedAt").isNull()).isTrue();
                    assertThat(a.get("detail").get("onHand").decimalValue()).isEqualByComparingTo("60");
                });
    }

    @Test
    void deviceMovementsRaiseAlertsAfterTheirBatchCommits() throws Exception {
        inv.stock("ALERT-INGEST", "WH1", "SHELF-A2", "6");
        assertThat(open("low-stock", "ALERT-INGEST")).isEmpty();
        long seq = TestGateway.nextSeq();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                TestGateway.movement(SHELF_PICK, "SHELF-A2", "ALERT-INGEST", "3", "EA")));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 1, 0, List.of()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(open("low-stock", "ALERT-INGEST")).singleElement().satisfies(a ->
                        assertThat(a.get("detail").get("onHand").decimalValue()).isEqualByComparingTo("3")));
    }

    @Test
    void lotsInStockExpiringWithinTheHorizonOrExpiredAreAlerted() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        lot("E-SOON", today.plusDays(10));
        lot("E-PAST", today.minusDays(2));
        lot("E-LATER", today.plusDays(200));
        lot("E-EMPTY", today.plusDays(3)); // registered but never in stock: nothing to alert
        stockLot("E-SOON", "4");
        stockLot("E-PAST", "2");
        stockLot("E-LATER", "7");

        assertThat(open("expiring-lot", "ALERT-EXP")).singleElement().satisfies(a -> {
            assertThat(a.get("lot").asText()).isEqualTo("E-SOON");
            assertThat(a.get("detail").get("daysLeft").asInt()).isEqualTo(10);
            assertThat(a.get("detail").get("expiry").asText()).isEqualTo(today.plusDays(10).toString());
            assertThat(a.get("detail").get("quantity").decimalValue()).isEqualByComparingTo("4");
        });
        assertThat(open("expired-lot", "ALERT-EXP")).singleElement().satisfies(a -> {
            assertThat(a.get("lot").asText()).isEqualTo("E-PAST");
            assertThat(a.get("detail").get("expiredDaysAgo").asInt()).isEqualTo(2);
        });

        assertThat(settings(365).get("expiringWithinDays").asInt()).isEqualTo(365);
        assertThat(open("expiring-lot", "ALERT-EXP")).extracting(a -> a.get("lot").asText())
                .containsExactlyInAnyOrder("E-SOON", "E-LATER");
        assertThat(settings(30).get("updatedBy").asText()).isEqualTo("admin");
        assertThat(open("expiring-lot", "ALERT-EXP")).extracting(a -> a.get("lot").asText()).containsExactly("E-SOON");
        assertThat(rest.getJson("/api/v1/inventory/alerts/settings", token).get("expiringWithinDays").asInt()).isEqualTo(30);
        assertProblem(rest.request("PUT", "/api/v1/inventory/alerts/settings", token, "{\"expiringWithinDays\":-1}"), 400);
        assertProblem(rest.request("PUT", "/api/v1/inventory/alerts/settings", token, "{\"expiringWithinDays\":2.5}"), 400);

        ObjectNode scrap = Json.MAPPER.createObjectNode().put("sku", "ALERT-EXP").put("warehouse", "WH1")
                .put("location", "COLD-A1").put("lot", "E-PAST").put("quantity", 2).put("reason", "expired");
        assertThat(inv.post("/api/v1/scrap", scrap).statusCode()).isEqualTo(201);
        assertThat(open("expired-lot", "ALERT-EXP")).isEmpty();
    }

    @Test
    void evaluationOnRequestPicksUpMasterDataChanges() {
        inv.stock("ALERT-LATE", "WH1", "SHELF-A1", "2");
        assertThat(open(null, "ALERT-LATE")).isEmpty();
        HttpResponse<String> patched = rest.request("PATCH", "/api/v1/products/ALERT-LATE", token, "{\"minStock\":10}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(open(null, "ALERT-LATE")).as("no posting yet").isEmpty();

        HttpResponse<String> evaluated = inv.post("/api/v1/inventory/alerts/evaluate", null);
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
        assertThat(RestClient.json(evaluated).get("raised").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(open("low-stock", "ALERT-LATE")).hasSize(1);
        HttpResponse<String> again = inv.post("/api/v1/inventory/alerts/evaluate", null);
        assertThat(RestClient.json(again).get("raised").asInt()).as("nothing new the second time").isZero();
        assertThat(open("low-stock", "ALERT-LATE")).hasSize(1);
    }

    private static List<JsonNode> open(String kind, String sku) {
        JsonNode all = rest.getJson("/api/v1/inventory/alerts?open=true&sku=" + sku + (kind == null ? "" : "&kind=" + kind), token);
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out;
    }

    private static JsonNode settings(int days) {
        HttpResponse<String> r = rest.request("PUT", "/api/v1/inventory/alerts/settings", token,
                "{\"expiringWithinDays\":" + days + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RestClient.json(r);
    }

    private static void product(String json) {
        HttpResponse<String> r = rest.request("POST", "/api/v1/products", token, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static void lot(String lot, LocalDate expiry) {
        HttpResponse<String> r = inv.post("/api/v1/products/ALERT-EXP/lots",
                Json.MAPPER.createObjectNode().put("lot", lot).put("expiry", expiry.toString()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static void stockLot(String lot, String quantity) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", "ALERT-EXP").put("warehouse", "WH1").put("location", "COLD-A1")
                .put("lot", lot).put("quantity", new BigDecimal(quantity)).put("reason", "delivery");
        HttpResponse<String> r = inv.post("/api/v1/adjustments", b);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
