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
                + " is received; only a shipped or partially-received transfer can be received");
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

    @Test
    void aMultiLineTransferShipsAllLinesAtOnceAndIsReceivedLineByLine() {
        inv.stock("YOG-NAT-6", "WH1", "COLD-A1", "10");
        inv.stock("TAPE-50", "WH1", "SHELF-A4", "8");
        inv.stock("TAPE-50", "WH1", "DOCK-1", "5");
        String body = "{\"fromWarehouse\":\"WH1\",\"fromLocation\":\"SHELF-A4\",\"toWarehouse\":\"WH2\","
                + "\"toLocation\":\"RECV-1\",\"note\":\"restock WH2\",\"lines\":["
                + "{\"sku\":\"YOG-NAT-6\",\"quantity\":6,\"fromLocation\":\"COLD-A1\"},"
                + "{\"sku\":\"TAPE-50\",\"quantity\":\"3\"},"
                + "{\"sku\":\"TAPE-50\",\"quantity\":2,\"fromLocation\":\"DOCK-1\"}]}";
        HttpResponse<String> created = rest.request("POST", "/api/v1/transfers", token, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode t = RestClient.json(created);
        long id = t.get("id").asLong();
        assertThat(t.get("status").asText()).isEqualTo("shipped");
        assertThat(t.get("sku").isNull()).as("no single sku on a multi-line transfer").isTrue();
        assertThat(t.get("lines")).hasSize(3);
        assertThat(t.get("lines")).extracting(l -> l.get("line").asInt() + ":" + l.get("fromLocation").asText() + ":"
                + l.get("inTransit").asText() + ":" + l.get("unit").asText())
                .containsExactly("1:COLD-A1:6:CS", "2:SHELF-A4:3:EA", "3:DOCK-1:2:EA");
        assertThat(t.get("ledger")).hasSize(6);
        assertThat(inv.level("YOG-NAT-6", "WH1", "COLD-A1")).isEqualByComparingTo("4");
        assertThat(inv.level("TAPE-50", "WH1", "SHELF-A4")).isEqualByComparingTo("5");
        assertThat(inv.level("TAPE-50", "WH1", "DOCK-1")).isEqualByComparingTo("3");
        assertThat(inv.level("TAPE-50", "WH2", "TRANSIT")).isEqualByComparingTo("5");

        ObjectNode arrived = Json.MAPPER.createObjectNode();
        arrived.putArray("lines").add(Json.MAPPER.createObjectNode().put("line", 1).put("quantity", 4))
                .add(Json.MAPPER.createObjectNode().put("line", 3).put("quantity", 2));
        HttpResponse<String> part = inv.post("/api/v1/transfers/" + id + "/receive", arrived);
        assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
        JsonNode p = RestClient.json(part);
        assertThat(p.get("status").asText()).isEqualTo("partially-received");
        assertThat(p.get("lines")).extracting(l -> l.get("received").asText() + "/" + l.get("inTransit").asText())
                .containsExactly("4/2", "0/3", "2/0");
        assertThat(inv.level("YOG-NAT-6", "WH2", "RECV-1")).isEqualByComparingTo("4");
        assertThat(inv.level("YOG-NAT-6", "WH2", "TRANSIT")).isEqualByComparingTo("2");
        assertThat(inv.level("TAPE-50", "WH2", "TRANSIT")).isEqualByComparingTo("3");

        ObjectNode tooMuch = Json.MAPPER.createObjectNode();
        tooMuch.putArray("lines").addObject().put("line", 1).put("quantity", 3);
        HttpResponse<String> over = inv.post("/api/v1/transfers/" + id + "/receive", tooMuch);
        assertProblem(over, 409);
        assertThat(RestClient.json(over).get("inTransit").decimalValue()).isEqualByComparingTo("2");
        ObjectNode noLine = Json.MAPPER.createObjectNode();
        noLine.putArray("lines").addObject().put("line", 9).put("quantity", 1);
        assertProblem(inv.post("/api/v1/transfers/" + id + "/receive", noLine), 400);
        assertThat(rest.getJson("/api/v1/transfers?status=partially-received", token)).anySatisfy(x ->
                assertThat(x.get("id").asLong()).isEqualTo(id));

        HttpResponse<String> rest2 = inv.post("/api/v1/transfers/" + id + "/receive", null);
        assertThat(rest2.statusCode()).as(rest2.body()).isEqualTo(200);
        assertThat(RestClient.json(rest2).get("status").asText()).isEqualTo("received");
        assertThat(RestClient.json(rest2).get("lines")).allSatisfy(l ->
                assertThat(l.get("inTransit").decimalValue()).isEqualByComparingTo("0"));
        assertThat(inv.level("YOG-NAT-6", "WH2", "RECV-1")).isEqualByComparingTo("6");
        assertThat(inv.level("TAPE-50", "WH2", "RECV-1")).isEqualByComparingTo("5");
        assertThat(inv.level("TAPE-50", "WH2", "TRANSIT")).isEqualByComparingTo("0");
        inv.assertInvariantOk();
    }

    @Test
    void aMultiLineTransferThatOneLineCannotFundMovesNothing() {
        inv.stock("GLOVE-L", "WH1", "SHELF-A3", "4");
        inv.stock("BOLT-M8", "WH1", "SHELF-A1", "1");
        String body = "{\"fromWarehouse\":\"WH1\",\"toWarehouse\":\"WH2\",\"toLocation\":\"RECV-1\",\"lines\":["
                + "{\"sku\":\"GLOVE-L\",\"quantity\":2,\"fromLocation\":\"SHELF-A3\"},"
                + "{\"sku\":\"BOLT-M8\",\"quantity\":5000,\"fromLocation\":\"SHELF-A1\"}]}";
        int before = rest.getJson("/api/v1/transfers?limit=1000", token).size();
        assertProblem(rest.request("POST", "/api/v1/transfers", token, body), 409);
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A3")).isEqualByComparingTo("4");
        assertThat(rest.getJson("/api/v1/transfers?limit=1000", token)).hasSize(before);
        String noFrom = "{\"fromWarehouse\":\"WH1\",\"toWarehouse\":\"WH2\",\"toLocation\":\"RECV-1\",\"lines\":["
                + "{\"sku\":\"GLOVE-L\",\"quantity\":1}]}";
        HttpResponse<String> missing = rest.request("POST", "/api/v1/transfers", token, noFrom);
        assertProblem(missing, 400);
        assertThat(RestClient.json(missing).get("detail").asText()).contains("fromLocation is required");
        assertProblem(rest.request("POST", "/api/v1/transfers", token,
                "{\"fromWarehouse\":\"WH1\",\"toWarehouse\":\"WH2\",\"toLocation\":\"RECV-1\",\"lines\":[]}"), 400);
        inv.assertInvariantOk();
    }
}
