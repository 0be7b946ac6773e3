package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.DeviceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.DISPATCH;
import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serialized items by EPC: current place and status (in-stock, in-transit, dispatched, scrapped) kept in
 * the posting transactions, and the full history of ledger rows and sightings naming an EPC.
 */
class ItemsIT extends CloudITSupport {

    static final String E1 = "3034257BF7194E4000000A01";
    static final String E2 = "3034257BF7194E4000000A02";
    static final String E3 = "3034257BF7194E4000000A03";

    static TestGateway gateway;
    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
        InventoryFixtures.addWarehouse(core.dataSource(), "WH2", "RECV-1");
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void anItemIsFollowedThroughReceiptTransferScrapAndDispatch() throws Exception {
        long seq = TestGateway.nextSeq();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                TestGateway.movement(RECEIPT, "DOCK-1", "WATER-24", "2", "CS", null, List.of(E1, E2))));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 1, 0, List.of()));
        assertItem(E1, "in-stock", "WH1", "DOCK-1");
        assertThat(item(E1).get("sku").asText()).isEqualTo("WATER-24");
        assertThat(item(E1).get("lastSeen").asText()).as("the device's time").isEqualTo("2026-01-05T10:00:00Z");

        // A portal pass that could not be resolved names E1 too: a sighting, no stock.
        long evSeq = TestGateway.nextSeq();
        DeviceEvent unresolved = new DeviceEvent(UUID.randomUUID().toString(), null, "portal-dock1", TestGateway.nextSeq(),
                Instant.now(), Instant.now(), null, "unresolved-tags", "warning", "portal pass with tags that map to no product",
                Map.of("epcs", E1 + ",E2801160600002054A7A1B2C", "location", "DOCK-1", "direction", "RECEIPT"));
        gateway.publish(Topics.Channel.EVENTS, TestGateway.batch(evSeq, Json.MAPPER.valueToTree(unresolved)));
        assertThat(gateway.awaitAck(evSeq)).isEqualTo(new BatchAck(evSeq, 1, 0, List.of()));

        JsonNode t = transfer(E1);
        long id = t.get("id").asLong();
        assertItem(E1, "in-transit", "WH2", "TRANSIT");
        HttpResponse<String> received = inv.post("/api/v1/transfers/" + id + "/receive", null);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertItem(E1, "in-stock", "WH2", "RECV-1");

        HttpResponse<String> wrongPlace = scrap("WH1", "DOCK-1", E1);
        assertProblem(wrongPlace, 409);
        assertThat(RestClient.json(wrongPlace).get("type").asText()).endsWith(":items-elsewhere");
        assertThat(scrap("WH1", "DOCK-1", E2).statusCode()).isEqualTo(201);
        assertThat(item(E2).get("status").asText()).isEqualTo("scrapped");

        List<JsonNode> history = history(E1.toLowerCase());
        assertThat(history).extracting(h -> h.get("source").asText() + ":" + h.get("kind").asText() + ":"
                + h.get("warehouse").asText() + "/" + h.get("location").asText())
                .containsExactly("ledger:RECEIPT:WH1/DOCK-1", "sighting:unresolved-tags:null/DOCK-1",
                        "ledger:TRANSFER_SHIP_OUT:WH1/DOCK-1", "ledger:TRANSFER_SHIP_IN:WH2/TRANSIT",
                        "ledger:TRANSFER_RECEIVE_OUT:WH2/TRANSIT", "ledger:TRANSFER_RECEIVE_IN:WH2/RECV-1");
        assertThat(history.get(0).get("causeType").asText()).isEqualTo("device-event");
        assertThat(history.get(0).get("deviceId").asText()).isEqualTo("dev-DOCK-1");
        assertThat(history.get(1).get("deviceId").asText()).isEqualTo("portal-dock1");
        assertThat(history.get(2).get("causeRef").asText()).isEqualTo("transfer:" + id);
        assertThat(history.get(2).get("user").asText()).isEqualTo("admin");
        inv.assertInvariantOk();
    }

    @Test
    void aPortalDispatchSendsTheItemOutAndASweepIsASighting() throws Exception {
        ObjectNode in = Json.MAPPER.createObjectNode().put("sku", "WATER-24").put("warehouse", "WH1").put("location", "DOCK-1")
                .put("quantity", 1).put("reason", "tagged by hand");
        in.putArray("epcs").add(E3);
        assertThat(inv.post("/api/v1/adjustments", in).statusCode()).isEqualTo(201);
        assertThat(item(E3).get("status").asText()).isEqualTo("in-stock");

        HttpResponse<String> stocktake = rest.request("POST", "/api/v1/stocktakes", token,
                "{\"warehouse\":\"WH1\",\"locations\":[\"DOCK-1\"]}");
        assertThat(stocktake.statusCode()).as(stocktake.body()).isEqualTo(201);
        long st = RestClient.json(stocktake).get("id").asLong();
        HttpResponse<String> sweep = rest.request("POST", "/api/v1/stocktakes/" + st + "/counts", token,
                "{\"location\":\"DOCK-1\",\"epcs\":[\"" + E3 + "\"]}");
        assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);

        long seq = TestGateway.nextSeq();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                TestGateway.movement(DISPATCH, "DOCK-1", "WATER-24", "1", "CS", null, List.of(E3))));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 1, 0, List.of()));
        assertThat(item(E3).get("status").asText()).isEqualTo("dispatched");

        assertThat(history(E3)).extracting(h -> h.get("source").asText() + ":" + h.get("kind").asText())
                .containsExactly("ledger:ADJUSTMENT", "sighting:stocktake-sweep", "ledger:DISPATCH");
        assertThat(history(E3).get(1).get("causeRef").asText()).isEqualTo(Long.toString(st));

        assertProblem(rest.get("/api/v1/items/3034257BF7194E40000FFFFF", token), 404);
        assertProblem(rest.get("/api/v1/items/3034257BF7194E40000FFFFF/history", token), 404);
        ObjectNode twice = Json.MAPPER.createObjectNode().put("sku", "WATER-24").put("warehouse", "WH1").put("location", "DOCK-1")
                .put("quantity", 2).put("reason", "x");
        twice.putArray("epcs").add(E3);
        assertProblem(inv.post("/api/v1/adjustments", twice), 400);
    }

    private static JsonNode transfer(String epc) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("fromWarehouse", "WH1").put("toWarehouse", "WH2")
                .put("toLocation", "RECV-1");
        ObjectNode line = b.putArray("lines").addObject().put("sku", "WATER-24").put("quantity", 1).put("fromLocation", "DOCK-1");
        line.putArray("epcs").add(epc);
        HttpResponse<String> r = inv.post("/api/v1/transfers", b);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RestClient.json(r);
    }

    private static HttpResponse<String> scrap(String warehouse, String location, String epc) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", "WATER-24").put("warehouse", warehouse).put("location", location)
                .put("quantity", 1).put("reason", "crushed");
        b.putArray("epcs").add(epc);
        return inv.post("/api/v1/scrap", b);
    }

    private static void assertItem(String epc, String status, String warehouse, String location) {
        JsonNode i = item(epc);
        assertThat(i.get("status").asText() + " " + i.get("warehouse").asText() + "/" + i.get("location").asText())
                .as(i.toString()).isEqualTo(status + " " + warehouse + "/" + location);
    }

    private static JsonNode item(String epc) {
        return rest.getJson("/api/v1/items/" + epc, token);
    }

    private static List<JsonNode> history(String epc) {
        List<JsonNode> out = new ArrayList<>();
        rest.getJson("/api/v1/items/" + epc + "/history", token).forEach(out::add);
        return out;
    }
}
