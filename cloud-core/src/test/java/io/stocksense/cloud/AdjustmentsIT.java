package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/adjustments}: the 201 ledger rows, the 409 and 400 problems, and allow_negative. */
class AdjustmentsIT extends CloudITSupport {

    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() {
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
    }

    @Test
    void anAdjustmentAnswersItsLedgerRowWithCauseReasonAndUser() {
        HttpResponse<String> r = inv.adjust("GLOVE-L", "WH1", "SHELF-A3", "5", "found behind the shelf");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode row = RestClient.json(r).get(0);
        assertThat(RestClient.json(r)).hasSize(1);
        assertThat(row.get("id").asLong()).isPositive();
        assertThat(row.get("sku").asText()).isEqualTo("GLOVE-L");
        assertThat(row.get("warehouse").asText()).isEqualTo("WH1");
        assertThat(row.get("location").asText()).isEqualTo("SHELF-A3");
        assertThat(row.get("lot").isNull()).isTrue();
        assertThat(row.get("quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(row.get("unit").asText()).isEqualTo("BX");
        assertThat(row.get("movementType").asText()).isEqualTo("ADJUSTMENT");
        assertThat(row.get("causeType").asText()).isEqualTo("adjustment");
        assertThat(row.get("causeRef").asText()).startsWith("adj:");
        assertThat(row.get("reason").asText()).isEqualTo("found behind the shelf");
        assertThat(row.get("user").asText()).isEqualTo("admin");
        assertThat(row.get("recordedAt").asText()).isNotBlank();
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A3")).isEqualByComparingTo("5");

        JsonNode ledger = rest.getJson("/api/v1/movements?sku=GLOVE-L", token);
        assertThat(ledger.get(0).get("id").asLong()).isEqualTo(row.get("id").asLong());
        assertThat(ledger.get(0).get("user").asText()).isEqualTo("admin");
        inv.assertInvariantOk();
    }

    @Test
    void lotAndMatchingUnitAreAccepted() {
        ObjectNode b = body("WATER-24", "DOCK-1", "2.5", "pallet split").put("lot", "L-77").put("unit", "CS");
        HttpResponse<String> r = inv.post("/api/v1/adjustments", b);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(RestClient.json(r).get(0).get("lot").asText()).isEqualTo("L-77");
        JsonNode levels = rest.getJson("/api/v1/stock?sku=WATER-24&location=DOCK-1", token);
        assertThat(levels).singleElement().satisfies(l -> {
            assertThat(l.get("lot").asText()).isEqualTo("L-77");
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo("2.5");
        });
    }

    @Test
    void takingMoreThanIsThereIsAConflictThatSaysWhatIsAvailable() {
        inv.stock("TAPE-50", "WH1", "SHELF-A4", "3");

        HttpResponse<String> r = inv.adjust("TAPE-50", "WH1", "SHELF-A4", "-5", "broken");

        assertProblem(r, 409);
        JsonNode p = RestClient.json(r);
        assertThat(p.get("type").asText()).isEqualTo("urn:stocksense:problem:insufficient-stock");
        assertThat(p.get("title").asText()).isEqualTo("Insufficient stock");
        assertThat(p.get("detail").asText()).startsWith("only 3 EA of TAPE-50 at WH1/SHELF-A4 available");
        assertThat(p.get("available").decimalValue()).isEqualByComparingTo("3");
        assertThat(p.get("requested").decimalValue()).isEqualByComparingTo("5");
        assertThat(p.get("instance").asText()).isEqualTo("/api/v1/adjustments");
        assertThat(inv.level("TAPE-50", "WH1", "SHELF-A4")).isEqualByComparingTo("3");
        assertThat(rest.getJson("/api/v1/movements?sku=TAPE-50", token)).hasSize(1);

        assertThat(inv.adjust("TAPE-50", "WH1", "SHELF-A4", "-3", "sold out").statusCode()).isEqualTo(201);
        assertThat(inv.level("TAPE-50", "WH1", "SHELF-A4")).isEqualByComparingTo("0");
        inv.assertInvariantOk();
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        assertBad(inv.adjust("NO-SUCH", "WH1", "SHELF-A1", "1", "x"), "unknown sku NO-SUCH");
        assertBad(inv.adjust("BOLT-M8", "WH1", "NOWHERE", "1", "x"), "unknown location NOWHERE in warehouse WH1");
        assertBad(inv.adjust("BOLT-M8", "WH9", "SHELF-A1", "1", "x"), "unknown warehouse WH9");
        assertBad(inv.adjust("BOLT-M8", "WH1", "SHELF-A1", "0", "x"), "quantity must not be zero");
        assertBad(inv.adjust("BOLT-M8", "WH1", "SHELF-A1", "1.0001", "x"), "more than 3 decimals");
        assertBad(inv.post("/api/v1/adjustments", body("BOLT-M8", "SHELF-A1", "1", null)), "reason is required");
        assertBad(inv.post("/api/v1/adjustments", body("BOLT-M8", "SHELF-A1", "1", "  ")), "reason is required");
        assertBad(inv.post("/api/v1/adjustments", body("BOLT-M8", "SHELF-A1", "1", "x").put("unit", "KG")),
                "unit KG does not match the unit of BOLT-M8, which is EA");
        assertBad(inv.post("/api/v1/adjustments", body("BOLT-M8", "SHELF-A1", "1", "x").put("quantity", "lots")),
                "quantity must be a decimal number");
        assertBad(inv.post("/api/v1/adjustments", body("BOLT-M8", "SHELF-A1", "1", "x").putNull("sku")), "sku is required");
        assertBad(rest.request("POST", "/api/v1/adjustments", token, "{not json"), "not valid JSON");
        assertBad(rest.request("POST", "/api/v1/adjustments", token, null), "the body must be a JSON object");
        assertProblem(rest.request("POST", "/api/v1/adjustments", null, body("BOLT-M8", "SHELF-A1", "1", "x").toString()), 401);
        assertThat(rest.getJson("/api/v1/movements?sku=BOLT-M8", token)).isEmpty();
    }

    @Test
    void aProductThatAllowsNegativeStockMayGoBelowZero() throws Exception {
        assertProblem(inv.adjust("YOG-NAT-6", "WH1", "COLD-A1", "-3", "sold before receipt"), 409);

        InventoryFixtures.allowNegative(core.dataSource(), "YOG-NAT-6");
        HttpResponse<String> r = inv.adjust("YOG-NAT-6", "WH1", "COLD-A1", "-3", "sold before receipt");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(inv.level("YOG-NAT-6", "WH1", "COLD-A1")).isEqualByComparingTo("-3");
        inv.assertInvariantOk();
    }

    @Test
    void theOpenApiDocumentListsTheStockOperations() {
        JsonNode doc = rest.getJson("/api/v1/openapi.json", null);
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/v1/adjustments", "/api/v1/scrap",
                "/api/v1/moves", "/api/v1/transfers", "/api/v1/transfers/{id}", "/api/v1/transfers/{id}/ship",
                "/api/v1/transfers/{id}/receive", "/api/v1/inventory/snapshots", "/api/v1/inventory/alerts");
        assertThat(doc.get("paths").get("/api/v1/stock").get("get").get("parameters")).anySatisfy(p ->
                assertThat(p.get("name").asText()).isEqualTo("asOf"));
    }

    private static ObjectNode body(String sku, String location, String quantity, String reason) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", sku).put("warehouse", "WH1").put("location", location)
                .put("quantity", quantity);
        if (reason != null) {
            b.put("reason", reason);
        }
        return b;
    }

    private static void assertBad(HttpResponse<String> r, String detail) {
        assertProblem(r, 400);
        assertThat(RestClient.json(r).get("detail").asText()).contains(detail);
    }
}
