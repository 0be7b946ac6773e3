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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import static io.stocksense.cloud.BusinessFixtures.lines;
import static io.stocksense.cloud.BusinessFixtures.order;
import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.DISPATCH;
import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static io.stocksense.protocol.event.MovementType.SHELF_PICK;
import static io.stocksense.protocol.event.MovementType.SHELF_PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock changes without a document are valued and journalled (scrap, adjustments, stocktake
 * variances, device movements no document accounts for, unordered portal receipts at zero cost,
 * moves at no value), average and FIFO costing stay consistent with them and the trial balance's
 * inventory equals the costed value; and manual operations may not take stock reserved by open sales
 * orders, also when racing a confirmation.
 */
class StockValuationIT extends CloudITSupport {

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
        biz.supplier("ACME", 5);
        biz.customer("RETAIL", null);
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void stockChangesWithoutADocumentAreValuedAndTheJournalStillBalances() throws Exception {
        assertThat(rest.request("PUT", "/api/v1/costing/GLOVE-L", token, "{\"method\":\"fifo\"}").statusCode()).isEqualTo(200);
        // BOLT 100 × 1.30 = 130.00 (average); GLOVE FIFO layers 10 × 5.00 and 10 × 6.00
        long po1 = biz.ok("/api/v1/purchase-orders", order("ACME", "SHELF-A1", "BOLT-M8", "100", "1.30", "GLOVE-L", "10", "5.00"), 201)
                .get("id").asLong();
        biz.ok("/api/v1/purchase-orders/" + po1 + "/send", null, 200);
        biz.ok("/api/v1/purchase-orders/" + po1 + "/receipts", lines(1, "100", 2, "10"), 201);
        long po2 = biz.ok("/api/v1/purchase-orders", order("ACME", "SHELF-A1", "GLOVE-L", "10", "6.00"), 201).get("id").asLong();
        biz.ok("/api/v1/purchase-orders/" + po2 + "/send", null, 200);
        biz.ok("/api/v1/purchase-orders/" + po2 + "/receipts", lines(1, "10"), 201);

        // scrap BOLT 10: 130.00 × 10 / 100 = 13.00 written off → Q 90, V 117.00
        String scrapRef = causeRef(inv.scrap("BOLT-M8", "WH1", "SHELF-A1", "10", "crushed"));
        assertThat(biz.journalEntry(scrapRef)).isEqualTo(Map.of("5300", "13.00", "1200", "-13.00"));
        // scrap GLOVE 12 (FIFO): 10 × 5.00 + 2 × 6.00 = 62.00 → layers 8 @ 6.00
        String scrapGloves = causeRef(inv.scrap("GLOVE-L", "WH1", "SHELF-A1", "12", "wet"));
        assertThat(biz.journalEntry(scrapGloves)).isEqualTo(Map.of("5300", "62.00", "1200", "-62.00"));
        assertThat(layers("GLOVE-L")).containsExactly("8@6");
        // adjustment −5: 117.00 × 5 / 90 = 6.50 lost → Q 85, V 110.50
        String minus = causeRef(inv.adjust("BOLT-M8", "WH1", "SHELF-A1", "-5", "miscount"));
        assertThat(biz.journalEntry(minus)).isEqualTo(Map.of("5200", "6.50", "1200", "-6.50"));
        // adjustment +15 at the average 110.50 / 85 = 1.30 → 19.50 gained → Q 100, V 130.00
        String plus = causeRef(inv.adjust("BOLT-M8", "WH1", "SHELF-A1", "15", "found"));
        assertThat(biz.journalEntry(plus)).isEqualTo(Map.of("1200", "19.50", "5200", "-19.50"));
        assertCosting("BOLT-M8", "100", "130.00");

        // a move changes no value: no journal entry, costing unchanged
        HttpResponse<String> move = inv.post("/api/v1/moves", Json.MAPPER.createObjectNode().put("sku", "BOLT-M8")
                .put("warehouse", "WH1").put("from", "SHELF-A1").put("to", "SHELF-A2").put("quantity", 20).put("reason", "re-slot"));
        assertThat(move.statusCode()).as(move.body()).isEqualTo(201);
        assertThat(biz.get("/api/v1/journal?document=" + RestClient.json(move).get(0).get("causeRef").asText())).isEmpty();
        assertCosting("BOLT-M8", "100", "130.00");

        // stocktake: BOLT at SHELF-A2 20 → 18 (130.00 × 2 / 100 = 2.60 lost), GLOVE at SHELF-A1 8 → 9 (+ 6.00 at 48.00 / 8):
        // one entry, net gain 3.40
        ObjectNode take = Json.MAPPER.createObjectNode().put("warehouse", "WH1");
        take.putArray("locations").add("SHELF-A1").add("SHELF-A2");
        long st = biz.ok("/api/v1/stocktakes", take, 201).get("id").asLong();
        ArrayNode counts = Json.MAPPER.createArrayNode();
        counts.addObject().put("sku", "BOLT-M8").put("location", "SHELF-A1").put("counted", 80);
        counts.addObject().put("sku", "GLOVE-L").put("location", "SHELF-A1").put("counted", 9);
        counts.addObject().put("sku", "BOLT-M8").put("location", "SHELF-A2").put("counted", 18);
        assertThat(inv.post("/api/v1/stocktakes/" + st + "/counts", counts).statusCode()).isEqualTo(200);
        assertThat(inv.post("/api/v1/stocktakes/" + st + "/post", Json.MAPPER.createObjectNode().put("reason", "count"))
                .statusCode()).isEqualTo(200);
        assertThat(biz.journalEntry("stocktake:" + st)).isEqualTo(Map.of("1200", "3.40", "5200", "-3.40"));
        assertCosting("BOLT-M8", "98", "127.40");
        assertThat(layers("GLOVE-L")).containsExactly("8@6", "1@6");

        // device movements no document accounts for: a shelf pick of 3 BOLT (127.40 × 3 / 98 = 3.90), a placement of
        // 1 GLOVE (+ 6.00), a dispatch of 5 BOLT no shipment expects (123.50 × 5 / 95 = 6.50, shrinkage), and a portal
        // receipt of 1 TAPE no order expects (costed at zero, flagged)
        long seq = TestGateway.nextSeq();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                TestGateway.movement(SHELF_PICK, "SHELF-A1", "BOLT-M8", "3", "EA"),
                TestGateway.movement(SHELF_PLACEMENT, "SHELF-A1", "GLOVE-L", "1", "BX"),
                TestGateway.movement(DISPATCH, "SHELF-A1", "BOLT-M8", "5", "EA"),
                TestGateway.movement(RECEIPT, "DOCK-1", "TAPE-50", "1", "EA")));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 4, 0, List.of()));
        Map<String, BigDecimal> device = new HashMap<>();
        for (JsonNode e : biz.get("/api/v1/journal?from=2026-01-05&to=2026-01-05")) {
            assertThat(e.get("docRef").asText()).startsWith("device:");
            assertThat(e.get("docType").asText()).isIn("shelf-movement", "shrinkage");
            for (JsonNode l : e.get("lines")) {
                device.merge(e.get("docType").asText() + "/" + l.get("account").asText(),
                        l.get("debit").decimalValue().subtract(l.get("credit").decimalValue()), BigDecimal::add);
            }
        }
        assertThat(device).containsOnlyKeys("shelf-movement/5200", "shelf-movement/1200", "shrinkage/5200", "shrinkage/1200");
        assertThat(device.get("shelf-movement/5200")).isEqualByComparingTo("-2.10"); // 3.90 lost − 6.00 found
        assertThat(device.get("shrinkage/5200")).isEqualByComparingTo("6.50");
        assertCosting("BOLT-M8", "90", "117.00");
        assertCosting("GLOVE-L", "10", "60.00");
        assertCosting("TAPE-50", "1", "0.00");
        JsonNode unexpected = biz.get("/api/v1/inventory/alerts?kind=unexpected-receipt");
        assertThat(unexpected).hasSize(1);
        assertThat(unexpected.get(0).get("detail").get("valuedAt").asText()).isEqualTo("0.00");

        // the trial balance: balanced, inventory = the costed value 117.00 + 60.00 + 0.00
        JsonNode tb = biz.get("/api/v1/reports/trial-balance");
        assertThat(tb.get("balanced").asBoolean()).isTrue();
        assertThat(tb.get("totalDebit").decimalValue()).isEqualByComparingTo(tb.get("totalCredit").decimalValue());
        Map<String, BigDecimal> balance = new HashMap<>();
        tb.get("accounts").forEach(a -> balance.put(a.get("account").asText(), a.get("balance").decimalValue()));
        // 240.00 received − 75.00 scrapped − 6.50 + 19.50 + 3.40 − 3.90 + 6.00 − 6.50
        assertThat(balance.get("1200")).isEqualByComparingTo("177.00");
        assertThat(balance.get("5300")).isEqualByComparingTo("75.00");
        assertThat(balance.get("5200")).isEqualByComparingTo("-12.00"); // 6.50 − 19.50 − 3.40 + 3.90 − 6.00 + 6.50
        System.out.println("valuation: inventory " + balance.get("1200") + " = BOLT 117.00 + GLOVE 60.00 + TAPE 0.00; write-off "
                + balance.get("5300") + ", gains and losses " + balance.get("5200"));
        inv.assertInvariantOk();
    }

    @Test
    void manualOperationsMayNotTakeReservedStock() throws Exception {
        inv.stock("NUT-M8", "WH1", "SHELF-A2", "10");
        long so = biz.ok("/api/v1/sales-orders", SalesIT.order("RETAIL", "SHELF-A2", "NUT-M8", "8", "0.50"), 201).get("id").asLong();
        biz.ok("/api/v1/sales-orders/" + so + "/confirm", null, 200);

        HttpResponse<String> scrap = inv.scrap("NUT-M8", "WH1", "SHELF-A2", "3", "rusty");
        assertProblem(scrap, 409);
        JsonNode p = RestClient.json(scrap);
        assertThat(p.get("type").asText()).isEqualTo("urn:stocksense:problem:reserved-stock");
        assertThat(p.get("reserved").decimalValue()).isEqualByComparingTo("8");
        assertThat(p.get("onHand").decimalValue()).isEqualByComparingTo("10");
        assertThat(p.get("available").decimalValue()).isEqualByComparingTo("2");
        assertThat(p.get("detail").asText()).contains("8 reserved by open sales orders");
        assertProblem(inv.adjust("NUT-M8", "WH1", "SHELF-A2", "-3", "miscount"), 409);
        HttpResponse<String> move = inv.post("/api/v1/moves", Json.MAPPER.createObjectNode().put("sku", "NUT-M8")
                .put("warehouse", "WH1").put("from", "SHELF-A2").put("to", "SHELF-A3").put("quantity", 3));
        assertProblem(move, 409);
        assertThat(RestClient.json(move).get("type").asText()).isEqualTo("urn:stocksense:problem:reserved-stock");
        assertThat(inv.scrap("NUT-M8", "WH1", "SHELF-A2", "2", "rusty").statusCode()).isEqualTo(201);
        assertThat(inv.level("NUT-M8", "WH1", "SHELF-A2")).isEqualByComparingTo("8");

        // racing: one free unit, a confirmation and a scrap for it at once; exactly one gets it
        List<String> winners = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            inv.stock("NUT-M8", "WH1", "SHELF-A2", "1");
            long next = biz.ok("/api/v1/sales-orders", SalesIT.order("RETAIL", "SHELF-A2", "NUT-M8", "1", "0.50"), 201)
                    .get("id").asLong();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<HttpResponse<String>> confirm = CompletableFuture.supplyAsync(
                    after(start, () -> biz.post("/api/v1/sales-orders/" + next + "/confirm", null)));
            CompletableFuture<HttpResponse<String>> scrapOne = CompletableFuture.supplyAsync(
                    after(start, () -> inv.scrap("NUT-M8", "WH1", "SHELF-A2", "1", "race")));
            int c = confirm.get().statusCode();
            int s = scrapOne.get().statusCode();
            assertThat(c == 200 && s == 409 || c == 409 && s == 201).as("round %d: confirm %d %s / scrap %d %s", round, c,
                    confirm.get().body(), s, scrapOne.get().body()).isTrue();
            winners.add(c == 200 ? "confirm" : "scrap");
            if (c != 200) {
                biz.ok("/api/v1/sales-orders/" + next + "/cancel", null, 200);
            }
        }
        System.out.println("reservation races won by: " + winners);
        BigDecimal reserved = BigDecimal.ZERO;
        for (JsonNode o : biz.get("/api/v1/sales-orders?status=confirmed&customer=RETAIL")) {
            reserved = reserved.add(o.get("lines").get(0).get("reserved").decimalValue());
        }
        assertThat(inv.level("NUT-M8", "WH1", "SHELF-A2")).as("on hand covers every reservation").isEqualByComparingTo(reserved);

        InventoryFixtures.allowNegative(core.dataSource(), "NUT-M8");
        assertThat(inv.scrap("NUT-M8", "WH1", "SHELF-A2", "1", "allowed").statusCode()).isEqualTo(201);
        inv.assertInvariantOk();
    }

    private static Supplier<HttpResponse<String>> after(CyclicBarrier start, Supplier<HttpResponse<String>> call) {
        return () -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return call.get();
        };
    }

    private static String causeRef(HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return RestClient.json(posted).get(0).get("causeRef").asText();
    }


    private static void assertCosting(String sku, String quantity, String value) {
        JsonNode c = biz.get("/api/v1/costing/" + sku);
        assertThat(c.get("quantity").decimalValue()).as("costed quantity of %s", sku).isEqualByComparingTo(quantity);
        assertThat(c.get("value").decimalValue()).as("costed value of %s", sku).isEqualByComparingTo(value);
    }

    private static List<String> layers(String sku) {
        List<String> out = new ArrayList<>();
        biz.get("/api/v1/costing/" + sku).get("layers").forEach(l -> out.add(l.get("quantityLeft").decimalValue()
                .stripTrailingZeros().toPlainString() + "@" + l.get("unitCost").decimalValue().stripTrailingZeros().toPlainString()));
        return out;
    }
}
