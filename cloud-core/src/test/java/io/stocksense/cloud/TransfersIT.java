package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Two-step transfers between warehouses (in transit visible in between), moves and scrap. */
class TransfersIT extends CloudITSupport {

    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
        InventoryFixtures.addWarehouse(core.dataSource(), "WH2", "RECV-1");
    }

    @Test
    void aTransferIsInTransitBetweenShipAndReceive() {
        inv.stock("VAC-FLU-5", "WH1", "COLD-A1", "10");

        HttpResponse<String> created = inv.transfer("VAC-FLU-5", "4", "WH1", "COLD-A1", "WH2", "RECV-1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode t = RestClient.json(created);
        long id = t.get("id").asLong();
        assertThat(t.get("status").asText()).isEqualTo("shipped");
        assertThat(t.get("quantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(t.get("unit").asText()).isEqualTo("CS");
        assertThat(t.get("createdBy").asText()).isEqualTo("admin");
        assertThat(t.get("shippedAt").asText()).isNotBlank();
        assertThat(t.get("receivedAt").isNull()).isTrue();
        assertThat(t.get("ledger")).hasSize(2);
        assertThat(t.get("ledger").get(0).get("movementType").asText()).isEqualTo("TRANSFER_SHIP_OUT");
        assertThat(t.get("ledger").get(0).get("causeRef").asText()).isEqualTo("transfer:" + id);
        assertThat(t.get("ledger").get(1).get("location").asText()).isEqualTo("TRANSIT");

        assertThat(inv.level("VAC-FLU-5", "WH1", "COLD-A1")).isEqualByComparingTo("6");
        JsonNode wh2 = rest.getJson("/api/v1/stock?sku=VAC-FLU-5&warehouse=WH2", token);
        assertThat(wh2).singleElement().satisfies(l -> {
            assertThat(l.get("location").asText()).isEqualTo("TRANSIT");
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo("4");
        });
        assertThat(rest.getJson("/api/v1/transfers/" + id, token).get("status").asText()).isEqualTo("shipped");

        HttpResponse<String> received = inv.post("/api/v1/transfers/" + id + "/receive", null);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(RestClient.json(received).get("status").asText()).isEqualTo("received");
        assertThat(RestClient.json(received).get("receivedBy").asText()).isEqualTo("admin");
        assertThat(RestClient.json(received).get("ledger")).hasSize(4);
        assertThat(inv.level("VAC-FLU-5", "WH2", "TRANSIT")).isEqualByComparingTo("0");
        assertThat(inv.level("VAC-FLU-5", "WH2", "RECV-1")).isEqualByComparingTo("4");
        assertThat(rest.getJson("/api/v1/transfers?status=received", token)).anySatisfy(x ->
                assertThat(x.get("id").asLong()).isEqualTo(id));

        HttpResponse<String> again = inv.post("/api/v1/transfers/" + id + "/receive", null);
        assertProblem(again, 409);
        assertThat(RestClient.json(again).get("detail").asText()).isEqualTo("transfer " + id
                + " is received; only a shipped transfer can be received");
        assertProblem(rest.get("/api/v1/transfers/999999", token), 404);
        assertProblem(rest.get("/api/v1/transfers/abc", token), 400);
        assertProblem(rest.get("/api/v1/transfers?status=lost", token), 400);
        inv.assertInvariantOk();
    }

    @Test
    void aDraftMovesNoStockUntilShippedAndAnUnfundedTransferIsNotCreated() {
        inv.stock("INS-PEN-10", "WH1", "DOCK-1", "3");
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", "INS-PEN-10").put("quantity", 2).put("fromWarehouse", "WH1")
                .put("fromLocation", "DOCK-1").put("toWarehouse", "WH2").put("toLocation", "RECV-1").put("ship", false);
        HttpResponse<String> draft = inv.post("/api/v1/transfers", b);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = RestClient.json(draft).get("id").asLong();
        assertThat(RestClient.json(draft).get("status").asText()).isEqualTo("draft");
        assertThat(inv.level("INS-PEN-10", "WH1", "DOCK-1")).isEqualByComparingTo("3");
        assertProblem(inv.post("/api/v1/transfers/" + id + "/receive", null), 409);

        HttpResponse<String> shipped = inv.post("/api/v1/transfers/" + id + "/ship", null);
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        assertThat(inv.level("INS-PEN-10", "WH2", "TRANSIT")).isEqualByComparingTo("2");

        int before = rest.getJson("/api/v1/transfers?limit=1000", token).size();
        HttpResponse<String> unfunded = inv.transfer("INS-PEN-10", "5", "WH1", "DOCK-1", "WH2", "RECV-1");
        assertProblem(unfunded, 409);
        assertThat(RestClient.json(unfunded).get("available").decimalValue()).isEqualByComparingTo("1");
        assertThat(rest.getJson("/api/v1/transfers?limit=1000", token)).hasSize(before);
        HttpResponse<String> sameWarehouse = inv.transfer("INS-PEN-10", "1", "WH1", "DOCK-1", "WH1", "COLD-A1");
        assertProblem(sameWarehouse, 400);
        assertThat(RestClient.json(sameWarehouse).get("detail").asText()).contains("/api/v1/moves");
        assertProblem(inv.transfer("INS-PEN-10", "1", "WH1", "DOCK-1", "WH2", "NOWHERE"), 400);
        inv.assertInvariantOk();
    }

    @Test
    void aMoveIsTwoRowsOfOneOperation() {
        inv.stock("WATER-24", "WH1", "DOCK-1", "8");
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", "WATER-24").put("warehouse", "WH1").put("from", "DOCK-1")
                .put("to", "COLD-A1").put("quantity", 3);

        HttpResponse<String> r = inv.post("/api/v1/moves", b);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode rows = RestClient.json(r);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("movementType").asText()).isEqualTo("MOVE_OUT");
        assertThat(rows.get(0).get("quantity").decimalValue()).isEqualByComparingTo("-3");
        assertThat(rows.get(1).get("movementType").asText()).isEqualTo("MOVE_IN");
        assertThat(rows.get(1).get("location").asText()).isEqualTo("COLD-A1");
        assertThat(rows.get(0).get("eventId").asText()).isEqualTo(rows.get(1).get("eventId").asText());
        assertThat(rows.get(0).get("causeRef").asText()).isEqualTo(rows.get(1).get("causeRef").asText()).startsWith("move:");
        assertThat(inv.level("WATER-24", "WH1", "DOCK-1")).isEqualByComparingTo("5");
        assertThat(inv.level("WATER-24", "WH1", "COLD-A1")).isEqualByComparingTo("3");

        assertProblem(inv.post("/api/v1/moves", b.put("quantity", 6)), 409);
        assertProblem(inv.post("/api/v1/moves", b.put("quantity", 1).put("to", "DOCK-1")), 400);
        assertProblem(inv.post("/api/v1/moves", b.put("to", "COLD-A1").put("quantity", -1)), 400);
        assertThat(inv.level("WATER-24", "WH1", "DOCK-1")).isEqualByComparingTo("5");
        inv.assertInvariantOk();
    }

    @Test
    void scrapWritesOffWithItsReason() {
        inv.stock("BOLT-M8", "WH1", "SHELF-A1", "10");

        HttpResponse<String> r = inv.scrap("BOLT-M8", "WH1", "SHELF-A1", "2", "rusted");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode row = RestClient.json(r).get(0);
        assertThat(row.get("movementType").asText()).isEqualTo("SCRAP");
        assertThat(row.get("causeType").asText()).isEqualTo("scrap");
        assertThat(row.get("quantity").decimalValue()).isEqualByComparingTo("-2");
        assertThat(row.get("reason").asText()).isEqualTo("rusted");
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("8");
        assertProblem(inv.scrap("BOLT-M8", "WH1", "SHELF-A1", "-2", "rusted"), 400);
        assertProblem(inv.scrap("BOLT-M8", "WH1", "SHELF-A1", "9", "rusted"), 409);
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("8");
        inv.assertInvariantOk();
    }
}
