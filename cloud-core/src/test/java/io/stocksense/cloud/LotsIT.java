package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Lots as master data: registration rules, postings of lot-tracked products, stock per lot with its expiry. */
class LotsIT extends CloudITSupport {

    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() {
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
        HttpResponse<String> p = rest.request("POST", "/api/v1/products", token,
                "{\"sku\":\"MILK-1L\",\"name\":\"Milk 1 l\",\"unit\":\"EA\",\"trackLot\":true,\"trackExpiry\":true}");
        assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
        HttpResponse<String> q = rest.request("POST", "/api/v1/products", token,
                "{\"sku\":\"CABLE-3M\",\"name\":\"Cable 3 m\",\"unit\":\"EA\",\"trackLot\":true}");
        assertThat(q.statusCode()).as(q.body()).isEqualTo(201);
    }

    @Test
    void lotsAreRegisteredWithTheirDatesAndValidated() {
        HttpResponse<String> created = lot("MILK-1L", "L-2030A", "2030-01-31", "2029-12-01");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode l = RestClient.json(created);
        assertThat(l.get("sku").asText()).isEqualTo("MILK-1L");
        assertThat(l.get("lot").asText()).isEqualTo("L-2030A");
        assertThat(l.get("expiry").asText()).isEqualTo("2030-01-31");
        assertThat(l.get("productionDate").asText()).isEqualTo("2029-12-01");
        assertThat(l.get("createdBy").asText()).isEqualTo("admin");
        assertThat(l.get("onHand").decimalValue()).isEqualByComparingTo("0");

        assertProblem(lot("MILK-1L", "L-2030A", "2030-02-28", null), 409);
        HttpResponse<String> noExpiry = lot("MILK-1L", "L-NOEXP", null, null);
        assertProblem(noExpiry, 400);
        assertThat(RestClient.json(noExpiry).get("detail").asText()).contains("expiry is required");
        assertProblem(lot("MILK-1L", "L-BACKWARDS", "2030-01-01", "2030-02-01"), 400);
        assertProblem(lot("MILK-1L", "L-BADDATE", "31.01.2030", null), 400);
        HttpResponse<String> untracked = lot("BOLT-M8", "L1", "2030-01-01", null);
        assertProblem(untracked, 400);
        assertThat(RestClient.json(untracked).get("detail").asText()).contains("tracks neither lots nor expiry");
        assertProblem(lot("NO-SUCH-SKU", "L1", "2030-01-01", null), 404);

        HttpResponse<String> noDates = lot("CABLE-3M", "C-1", null, null);
        assertThat(noDates.statusCode()).as("lot-tracked without expiry tracking needs no date: %s", noDates.body()).isEqualTo(201);
        assertThat(RestClient.json(noDates).get("expiry").isNull()).isTrue();

        assertThat(rest.getJson("/api/v1/products/MILK-1L/lots", token)).extracting(x -> x.get("lot").asText())
                .containsExactly("L-2030A");
        assertProblem(rest.get("/api/v1/products/NO-SUCH-SKU/lots", token), 404);
        assertProblem(rest.get("/api/v1/products/MILK-1L/lots/NOPE", token), 404);
    }

    @Test
    void stockOfALotTrackedProductEntersOnlyWithARegisteredLotAndShowsItsExpiry() {
        assertThat(lot("MILK-1L", "L-2031B", "2031-03-15", null).statusCode()).isEqualTo(201);
        assertThat(lot("MILK-1L", "L-2031C", "2031-06-30", null).statusCode()).isEqualTo(201);

        HttpResponse<String> withoutLot = inv.adjust("MILK-1L", "WH1", "COLD-A1", "5", "delivery");
        assertProblem(withoutLot, 400);
        assertThat(RestClient.json(withoutLot).get("detail").asText()).contains("lot is required");
        HttpResponse<String> unknownLot = adjust("MILK-1L", "COLD-A1", "L-UNKNOWN", "5");
        assertProblem(unknownLot, 400);
        assertThat(RestClient.json(unknownLot).get("detail").asText()).contains("unknown lot L-UNKNOWN");

        assertThat(adjust("MILK-1L", "COLD-A1", "L-2031B", "12").statusCode()).isEqualTo(201);
        assertThat(adjust("MILK-1L", "DOCK-1", "L-2031B", "3").statusCode()).isEqualTo(201);
        assertThat(adjust("MILK-1L", "COLD-A1", "L-2031C", "4").statusCode()).isEqualTo(201);
        assertThat(adjust("MILK-1L", "COLD-A1", "L-2031B", "-2").statusCode()).isEqualTo(201);

        JsonNode stock = rest.getJson("/api/v1/stock?sku=MILK-1L&location=COLD-A1", token);
        assertThat(stock).hasSize(2);
        assertThat(stock).anySatisfy(s -> {
            assertThat(s.get("lot").asText()).isEqualTo("L-2031B");
            assertThat(s.get("quantity").decimalValue()).isEqualByComparingTo("10");
            assertThat(s.get("expiry").asText()).isEqualTo("2031-03-15");
        });
        assertThat(stock).anySatisfy(s -> {
            assertThat(s.get("lot").asText()).isEqualTo("L-2031C");
            assertThat(s.get("expiry").asText()).isEqualTo("2031-06-30");
        });
        JsonNode asOf = rest.getJson("/api/v1/stock?sku=MILK-1L&location=COLD-A1&asOf=" + java.time.Instant.now(), token);
        assertThat(asOf).extracting(s -> s.get("expiry").asText()).containsExactlyInAnyOrder("2031-03-15", "2031-06-30");
        JsonNode untracked = rest.getJson("/api/v1/stock?sku=BOLT-M8", token);
        untracked.forEach(s -> assertThat(s.get("expiry").isNull()).isTrue());

        JsonNode one = rest.getJson("/api/v1/products/MILK-1L/lots/L-2031B", token);
        assertThat(one.get("onHand").decimalValue()).isEqualByComparingTo("13");
        assertThat(one.get("unit").asText()).isEqualTo("EA");
        assertThat(one.get("stock")).extracting(s -> s.get("location").asText() + "=" + s.get("quantity").asText())
                .containsExactlyInAnyOrder("COLD-A1=10", "DOCK-1=3");

        JsonNode soon = rest.getJson("/api/v1/lots?sku=MILK-1L&expiresBefore=2031-04-01", token);
        assertThat(soon).extracting(x -> x.get("lot").asText()).contains("L-2031B").doesNotContain("L-2031C");
        JsonNode all = rest.getJson("/api/v1/lots?expiresBefore=2032-01-01", token);
        assertThat(all).extracting(x -> x.get("lot").asText()).containsSubsequence("L-2031B", "L-2031C");
        assertProblem(rest.get("/api/v1/lots?expiresBefore=soon", token), 400);
        inv.assertInvariantOk();
    }

    private static HttpResponse<String> lot(String sku, String lot, String expiry, String production) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("lot", lot);
        if (expiry != null) {
            b.put("expiry", expiry);
        }
        if (production != null) {
            b.put("productionDate", production);
        }
        return inv.post("/api/v1/products/" + sku + "/lots", b);
    }

    private static HttpResponse<String> adjust(String sku, String location, String lot, String quantity) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", sku).put("warehouse", "WH1").put("location", location)
                .put("lot", lot).put("quantity", new java.math.BigDecimal(quantity)).put("reason", "delivery");
        return inv.post("/api/v1/adjustments", b);
    }
}
