package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.event.BatchAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.SHELF_PICK;
import static io.stocksense.protocol.event.MovementType.SHELF_PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ACCEPTANCE (issue "Inventory core", stocktake): a zone is counted while stock keeps moving; the
 * posted variances are exactly counted - stock at T, and later movements are left alone.
 */
class StocktakeIT extends CloudITSupport {

    static TestGateway gateway;
    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void connect() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void countingAZoneWhileStockMovesPostsTheExactVarianceAtT() throws Exception {
        inv.stock("BOLT-M8", "WH1", "SHELF-A1", "50");
        inv.stock("NUT-M8", "WH1", "SHELF-A2", "100");
        inv.stock("GLOVE-L", "WH1", "SHELF-A3", "20");
        inv.stock("TAPE-50", "WH1", "SHELF-A4", "10");
        ObjectNode lotted = Json.MAPPER.createObjectNode().put("sku", "TAPE-50").put("warehouse", "WH1")
                .put("location", "SHELF-A4").put("lot", "L1").put("quantity", 4).put("reason", "opening stock");
        assertThat(inv.post("/api/v1/adjustments", lotted).statusCode()).isEqualTo(201);

        // TAPE-50 keeps moving on another thread while the stocktake is created
        AtomicBoolean run = new AtomicBoolean(true);
        AtomicInteger added = new AtomicInteger();
        Thread mover = new Thread(() -> {
            while (run.get()) {
                if (inv.adjust("TAPE-50", "WH1", "SHELF-A4", "1", "restock").statusCode() == 201) {
                    added.incrementAndGet();
                }
            }
        });
        mover.start();
        HttpResponse<String> created;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> added.get() >= 2);
            created = inv.post("/api/v1/stocktakes", Json.MAPPER.createObjectNode().put("warehouse", "WH1").put("zone", "AMBIENT"));
            await().atMost(Duration.ofSeconds(60)).until(() -> added.get() >= 4);
        } finally {
            run.set(false);
            mover.join();
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode st = RestClient.json(created);
        long id = st.get("id").asLong();
        assertThat(st.get("status").asText()).isEqualTo("open");
        assertThat(st.get("locations")).extracting(JsonNode::asText)
                .containsExactly("SHELF-A1", "SHELF-A2", "SHELF-A3", "SHELF-A4");
        assertThat(expected(st, "BOLT-M8", "SHELF-A1", null)).isEqualByComparingTo("50");
        assertThat(expected(st, "NUT-M8", "SHELF-A2", null)).isEqualByComparingTo("100");
        assertThat(expected(st, "GLOVE-L", "SHELF-A3", null)).isEqualByComparingTo("20");
        assertThat(expected(st, "TAPE-50", "SHELF-A4", "L1")).isEqualByComparingTo("4");
        BigDecimal tapeAtT = expected(st, "TAPE-50", "SHELF-A4", null);
        assertThat(tapeAtT).isBetween(new BigDecimal(12), new BigDecimal(10 + added.get()));
        assertThat(st.get("lines")).hasSize(5);

        // movements after T: device batches and an adjustment
        long seq = TestGateway.nextSeq();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                TestGateway.movement(SHELF_PICK, "SHELF-A1", "BOLT-M8", "3", "EA"),
                TestGateway.movement(SHELF_PLACEMENT, "SHELF-A2", "NUT-M8", "5", "EA")));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 2, 0, List.of()));
        assertThat(inv.adjust("GLOVE-L", "WH1", "SHELF-A3", "2", "late delivery").statusCode()).isEqualTo(201);

        // counts as they were at T, differing by known amounts
        ArrayNode counts = Json.MAPPER.createArrayNode();
        counts.addObject().put("sku", "BOLT-M8").put("location", "SHELF-A1").put("counted", 48);
        counts.addObject().put("sku", "NUT-M8").put("location", "SHELF-A2").put("counted", 101);
        counts.addObject().put("sku", "TAPE-50").put("location", "SHELF-A4").put("counted", tapeAtT);
        counts.addObject().put("sku", "TAPE-50").put("location", "SHELF-A4").put("lot", "L1").put("counted", 3);
        counts.addObject().put("sku", "BOLT-M8").put("location", "SHELF-A2").put("counted", 4);
        HttpResponse<String> counted = inv.post("/api/v1/stocktakes/" + id + "/counts", counts);
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        assertThat(RestClient.json(counted).get("status").asText()).isEqualTo("open");

        // the gloves by RFID sweep: 19 tags (one read twice) and a tag that is no product
        List<String> epcs = new ArrayList<>();
        for (int serial = 1; serial <= 19; serial++) {
            epcs.add(EpcCodec.encodeSgtin96("04012345400014", 7, 1, serial));
        }
        epcs.add(epcs.get(0));
        epcs.add("E2801160600002054E8B3A21");
        ObjectNode sweep = Json.MAPPER.createObjectNode().put("location", "SHELF-A3");
        epcs.forEach(sweep.putArray("epcs")::add);
        HttpResponse<String> swept = inv.post("/api/v1/stocktakes/" + id + "/counts", sweep);
        assertThat(swept.statusCode()).as(swept.body()).isEqualTo(200);
        JsonNode afterSweep = RestClient.json(swept);
        assertThat(afterSweep.get("unresolvedEpcs")).extracting(JsonNode::asText).containsExactly("E2801160600002054E8B3A21");
        assertThat(afterSweep.get("status").asText()).isEqualTo("counted");

        JsonNode view = rest.getJson("/api/v1/stocktakes/" + id, token);
        assertThat(variance(view, "BOLT-M8", "SHELF-A1", null)).isEqualByComparingTo("-2");
        assertThat(variance(view, "NUT-M8", "SHELF-A2", null)).isEqualByComparingTo("1");
        assertThat(variance(view, "GLOVE-L", "SHELF-A3", null)).isEqualByComparingTo("-1");
        assertThat(variance(view, "TAPE-50", "SHELF-A4", null)).isEqualByComparingTo("0");
        assertThat(variance(view, "TAPE-50", "SHELF-A4", "L1")).isEqualByComparingTo("-1");
        assertThat(variance(view, "BOLT-M8", "SHELF-A2", null)).isEqualByComparingTo("4");
        assertThat(expected(view, "BOLT-M8", "SHELF-A2", null)).isEqualByComparingTo("0");

        HttpResponse<String> posted = inv.post("/api/v1/stocktakes/" + id + "/post",
                Json.MAPPER.createObjectNode().put("reason", "quarterly count"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(RestClient.json(posted).get("status").asText()).isEqualTo("posted");

        JsonNode rows = rest.getJson("/api/v1/movements?limit=1000", token);
        List<JsonNode> stocktakeRows = new ArrayList<>();
        rows.forEach(r -> {
            if (("stocktake:" + id).equals(r.path("causeRef").asText())) {
                stocktakeRows.add(r);
            }
        });
        assertThat(stocktakeRows).hasSize(5).allSatisfy(r -> {
            assertThat(r.get("causeType").asText()).isEqualTo("stocktake");
            assertThat(r.get("movementType").asText()).isEqualTo("STOCKTAKE");
            assertThat(r.get("reason").asText()).isEqualTo("quarterly count");
            assertThat(r.get("user").asText()).isEqualTo("admin");
        });
        assertThat(stocktakeRows).extracting(r -> r.get("quantity").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("-2", "1", "-1", "-1", "4");

        // final = stock at T + variance + movements after T
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("45");
        assertThat(inv.level("NUT-M8", "WH1", "SHELF-A2")).isEqualByComparingTo("106");
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A3")).isEqualByComparingTo("21");
        assertThat(tapeLevel("L1")).isEqualByComparingTo("3");
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A2")).isEqualByComparingTo("4");
        assertThat(tapeLevel(null)).isEqualByComparingTo(new BigDecimal(10 + added.get()));
        inv.assertInvariantOk();

        HttpResponse<String> again = inv.post("/api/v1/stocktakes/" + id + "/post", Json.MAPPER.createObjectNode());
        assertProblem(again, 409);
        assertThat(RestClient.json(again).get("type").asText()).isEqualTo("urn:stocksense:problem:stocktake-posted");
        assertProblem(inv.post("/api/v1/stocktakes/" + id + "/counts", counts), 409);
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("45");
    }

    @Test
    void badRequestsAreProblems() {
        assertProblem(inv.post("/api/v1/stocktakes", Json.MAPPER.createObjectNode().put("warehouse", "WH1")), 400);
        assertProblem(inv.post("/api/v1/stocktakes", Json.MAPPER.createObjectNode().put("warehouse", "WH1")
                .put("zone", "NOPE")), 400);
        ObjectNode locs = Json.MAPPER.createObjectNode().put("warehouse", "WH1");
        locs.putArray("locations").add("COLD-A1");
        HttpResponse<String> r = inv.post("/api/v1/stocktakes", locs);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = RestClient.json(r).get("id").asLong();
        ArrayNode wrongPlace = Json.MAPPER.createArrayNode();
        wrongPlace.addObject().put("sku", "BOLT-M8").put("location", "SHELF-A1").put("counted", 1);
        assertProblem(inv.post("/api/v1/stocktakes/" + id + "/counts", wrongPlace), 400);
        assertThat(rest.get("/api/v1/stocktakes/999999", token).statusCode()).isEqualTo(404);
        assertThat(rest.getJson("/api/v1/openapi.json", null).get("paths").fieldNames()).toIterable()
                .contains("/api/v1/stocktakes", "/api/v1/stocktakes/{id}", "/api/v1/stocktakes/{id}/counts",
                        "/api/v1/stocktakes/{id}/post");
    }

    private static BigDecimal tapeLevel(String lot) {
        JsonNode levels = rest.getJson("/api/v1/stock?sku=TAPE-50&location=SHELF-A4", token);
        for (JsonNode l : levels) {
            if (lot == null ? l.get("lot").isNull() : lot.equals(l.get("lot").asText())) {
                return l.get("quantity").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private static JsonNode line(JsonNode st, String sku, String location, String lot) {
        for (JsonNode l : st.get("lines")) {
            boolean lotMatches = lot == null ? l.get("lot").isNull() : lot.equals(l.get("lot").asText());
            if (l.get("sku").asText().equals(sku) && l.get("location").asText().equals(location) && lotMatches) {
                return l;
            }
        }
        throw new AssertionError("no line " + sku + "/" + location + "/" + lot + " in " + st);
    }

    private static BigDecimal expected(JsonNode st, String sku, String location, String lot) {
        return line(st, sku, location, lot).get("expected").decimalValue();
    }

    private static BigDecimal variance(JsonNode st, String sku, String location, String lot) {
        return line(st, sku, location, lot).get("variance").decimalValue();
    }
}
