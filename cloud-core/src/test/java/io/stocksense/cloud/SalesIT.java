package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static io.stocksense.cloud.BusinessFixtures.line;
import static io.stocksense.cloud.BusinessFixtures.lines;
import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.DISPATCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACCEPTANCE (business flows, sales): two sales orders racing for the last units: one is reserved, the
 * other is refused with a clear problem+json reason. Also credit limits, pick lists, partial shipments
 * by hand and from outbound portal reads, and returns to quarantine.
 */
class SalesIT extends CloudITSupport {

    static TestGateway gateway;
    static String token;
    static BusinessFixtures biz;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
        biz = new BusinessFixtures(rest, token);
        inv = new InventoryFixtures(rest, token);
        biz.customer("RETAIL", null);
        biz.customer("SMALL", "100.00");
        biz.customer("OTHER", null);
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    static ObjectNode order(String customer, String location, String... lines) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("customer", customer).put("warehouse", "WH1").put("location", location)
                .put("currency", "EUR");
        ArrayNode arr = b.putArray("lines");
        for (int i = 0; i < lines.length; i += 3) {
            arr.addObject().put("sku", lines[i]).put("quantity", new BigDecimal(lines[i + 1])).put("unitPrice", lines[i + 2]);
        }
        return b;
    }

    @Test
    void twoOrdersRacingForTheLastUnitsOneIsReservedTheOtherRefused() throws Exception {
        int rounds = 8;
        List<String> refusals = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            inv.stock("TAPE-50", "WH1", "SHELF-A4", "3"); // each round exactly 3 more than all reservations so far
            long a = biz.ok("/api/v1/sales-orders", order("RETAIL", "SHELF-A4", "TAPE-50", "3", "2.00"), 201).get("id").asLong();
            // two customers, so that nothing but the stock level serializes the two confirmations
            long b = biz.ok("/api/v1/sales-orders", order("OTHER", "SHELF-A4", "TAPE-50", "3", "2.00"), 201).get("id").asLong();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<HttpResponse<String>> fa = CompletableFuture.supplyAsync(() -> confirmAfter(start, a));
            CompletableFuture<HttpResponse<String>> fb = CompletableFuture.supplyAsync(() -> confirmAfter(start, b));
            List<HttpResponse<String>> answers = List.of(fa.get(), fb.get());
            assertThat(answers).extracting(HttpResponse::statusCode).as("round %d: %s", round, answers.stream()
                    .map(HttpResponse::body).toList()).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertProblem(refused, 409);
            JsonNode p = RestClient.json(refused);
            assertThat(p.get("type").asText()).isEqualTo("urn:stocksense:problem:insufficient-stock");
            assertThat(p.get("available").decimalValue()).isEqualByComparingTo("0");
            assertThat(p.get("requested").decimalValue()).isEqualByComparingTo("3");
            assertThat(p.get("reserved").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(3L * (round + 1)));
            refusals.add(p.get("detail").asText());
        }
        System.out.println("last refusal: " + refusals.get(rounds - 1));
        assertThat(refusals.get(0)).contains("only 0 available", "on hand 3", "reserved by other orders 3");
        assertThat(biz.get("/api/v1/sales-orders?status=confirmed&customer=RETAIL").size()
                + biz.get("/api/v1/sales-orders?status=confirmed&customer=OTHER").size()).isEqualTo(rounds);
    }

    private static HttpResponse<String> confirmAfter(CyclicBarrier start, long id) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return biz.post("/api/v1/sales-orders/" + id + "/confirm", null);
    }

    @Test
    void anOrderBeyondTheCustomersCreditLimitIsRefused() {
        inv.stock("GLOVE-L", "WH1", "SHELF-A3", "10");
        // 10 × 9.00 = 90.00 net + 18.00 VAT (standard 20%) = 108.00 > 100.00
        long id = biz.ok("/api/v1/sales-orders", order("SMALL", "SHELF-A3", "GLOVE-L", "10", "9.00"), 201).get("id").asLong();
        HttpResponse<String> r = biz.post("/api/v1/sales-orders/" + id + "/confirm", null);
        assertProblem(r, 409);
        assertThat(RestClient.json(r).get("type").asText()).isEqualTo("urn:stocksense:problem:credit-limit-exceeded");
        assertThat(RestClient.json(r).get("exposure").decimalValue()).isEqualByComparingTo("108.00");
        ObjectNode smaller = order("SMALL", "SHELF-A3", "GLOVE-L", "8", "9.00"); // 72.00 + 14.40 = 86.40
        assertThat(RestClient.json(rest.request("PUT", "/api/v1/sales-orders/" + id, token, smaller.toString()))
                .get("grossTotal").decimalValue()).isEqualByComparingTo("86.40");
        assertThat(biz.ok("/api/v1/sales-orders/" + id + "/confirm", null, 200).get("status").asText()).isEqualTo("confirmed");
        assertThat(biz.ok("/api/v1/sales-orders/" + id + "/cancel", null, 200).get("status").asText()).isEqualTo("cancelled");
        assertThat(biz.get("/api/v1/sales-orders/" + id).get("lines").get(0).get("reserved").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anOrderIsPickedShippedByHandAndThroughThePortalAndPartlyReturnedToQuarantine() throws Exception {
        biz.ok("/api/v1/locations", Json.MAPPER.createObjectNode().put("warehouse", "WH1").put("code", "QUARANTINE")
                .put("kind", "bin"), 201);
        inv.stock("BOLT-M8", "WH1", "SHELF-A1", "50");
        inv.stock("NUT-M8", "WH1", "SHELF-A1", "40");
        ObjectNode body = order("RETAIL", "SHELF-A1", "BOLT-M8", "10", "2.00", "NUT-M8", "20", "0.50");
        ((ObjectNode) body.get("lines").get(0)).put("discountPct", 10);
        JsonNode so = biz.ok("/api/v1/sales-orders", body, 201);
        long id = so.get("id").asLong();
        assertThat(so.get("netTotal").decimalValue()).isEqualByComparingTo("28.00"); // 18.00 + 10.00
        assertThat(so.get("vatTotal").decimalValue()).isEqualByComparingTo("5.60");
        biz.ok("/api/v1/sales-orders/" + id + "/confirm", null, 200);
        JsonNode picks = biz.get("/api/v1/sales-orders/" + id + "/pick-list").get("picks");
        assertThat(picks).hasSize(2);
        assertThat(picks.get(0).get("location").asText()).isEqualTo("SHELF-A1");
        assertThat(biz.ok("/api/v1/sales-orders/" + id + "/pick", Json.MAPPER.createObjectNode().put("toLocation", "DOCK-1"), 200)
                .get("status").asText()).isEqualTo("picking");
        assertThat(inv.level("BOLT-M8", "WH1", "DOCK-1")).isEqualByComparingTo("10");

        biz.ok("/api/v1/sales-orders/" + id + "/shipments", lines(1, "4"), 201);
        assertThat(biz.get("/api/v1/sales-orders/" + id).get("status").asText()).isEqualTo("partially-shipped");

        long seq = TestGateway.nextSeq();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                TestGateway.movement(DISPATCH, "DOCK-1", "BOLT-M8", "6", "EA"),
                TestGateway.movement(DISPATCH, "DOCK-1", "NUT-M8", "20", "EA"),
                TestGateway.movement(DISPATCH, "DOCK-1", "TAPE-50", "1", "EA")));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 3, 0, List.of()));
        JsonNode after = biz.get("/api/v1/sales-orders/" + id);
        assertThat(after.get("status").asText()).isEqualTo("shipped");
        assertThat(line(after, 1).get("shipped").decimalValue()).isEqualByComparingTo("10");
        assertThat(line(after, 2).get("shipped").decimalValue()).isEqualByComparingTo("20");
        JsonNode shipments = biz.get("/api/v1/sales-orders/" + id + "/shipments");
        assertThat(shipments).extracting(s -> s.get("source").asText()).containsExactly("manual", "portal", "portal");
        JsonNode shrinkage = biz.get("/api/v1/inventory/alerts?kind=shrinkage");
        assertThat(shrinkage).as("only the unordered tape is shrinkage").extracting(a -> a.get("sku").asText()).containsExactly("TAPE-50");

        JsonNode ret = biz.ok("/api/v1/sales-orders/" + id + "/returns", lines(1, "2").put("inspection", true)
                .put("reason", "bent threads"), 201);
        assertThat(ret.get("location").asText()).isEqualTo("QUARANTINE");
        assertThat(inv.level("BOLT-M8", "WH1", "QUARANTINE")).isEqualByComparingTo("2");
        assertThat(line(biz.get("/api/v1/sales-orders/" + id), 1).get("returned").decimalValue()).isEqualByComparingTo("2");
        assertProblem(biz.post("/api/v1/sales-orders/" + id + "/returns", lines(1, "9")), 409);
        assertThat(inv.level("BOLT-M8", "WH1", "DOCK-1")).isEqualByComparingTo("0");
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("40");
        inv.assertInvariantOk();
    }
}
