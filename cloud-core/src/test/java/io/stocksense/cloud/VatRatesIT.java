package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.stocksense.cloud.BusinessFixtures.line;
import static io.stocksense.cloud.BusinessFixtures.lines;
import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's own VAT rate is used by sales orders, their invoices and the POS (the standard rate
 * otherwise, an explicit line rate wins), and the POS reads sale prices as net or gross per its setting.
 */
class VatRatesIT extends CloudITSupport {

    static String token;
    static BusinessFixtures biz;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() {
        token = adminToken();
        biz = new BusinessFixtures(rest, token);
        inv = new InventoryFixtures(rest, token);
        biz.customer("SHOP", null);
        // tape at the reduced rate of 7%, bolts at the standard 20%
        assertThat(patch("/api/v1/products/TAPE-50", "{\"vatRate\":0.07,\"salePrice\":{\"amount\":\"2.14\",\"currency\":\"EUR\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(patch("/api/v1/products/BOLT-M8", "{\"salePrice\":{\"amount\":\"3.00\",\"currency\":\"EUR\"}}").statusCode())
                .isEqualTo(200);
        inv.stock("TAPE-50", "WH1", "SHELF-A4", "50");
        inv.stock("BOLT-M8", "WH1", "SHELF-A4", "50");
    }

    @Test
    void salesOrdersAndTheirInvoicesUseTheProductsRate() {
        assertThat(biz.get("/api/v1/products/TAPE-50").get("vatRate").decimalValue()).isEqualByComparingTo("0.07");
        assertProblem(patch("/api/v1/products/TAPE-50", "{\"vatRate\":1.5}"), 400);
        assertProblem(patch("/api/v1/products/TAPE-50", "{\"vatRate\":-0.1}"), 400);

        // TAPE 10 × 2.00 = 20.00 at 7% → 1.40; BOLT 10 × 3.00 = 30.00 at 20% → 6.00; NUT 10 × 1.00 with an explicit 0%
        ObjectNode body = SalesIT.order("SHOP", "SHELF-A4", "TAPE-50", "10", "2.00", "BOLT-M8", "10", "3.00");
        inv.stock("NUT-M8", "WH1", "SHELF-A4", "10");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("lines")).addObject().put("sku", "NUT-M8").put("quantity", 10).put("unitPrice", "1.00").put("vatRate", 0);
        JsonNode so = biz.ok("/api/v1/sales-orders", body, 201);
        assertThat(line(so, 1).get("vatRate").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(line(so, 1).get("vat").decimalValue()).isEqualByComparingTo("1.40");
        assertThat(line(so, 2).get("vatRate").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(line(so, 3).get("vat").decimalValue()).isEqualByComparingTo("0");
        long id = so.get("id").asLong();
        biz.ok("/api/v1/sales-orders/" + id + "/confirm", null, 200);
        biz.ok("/api/v1/sales-orders/" + id + "/shipments", lines(1, "10", 2, "10", 3, "10"), 201);
        JsonNode invoice = biz.ok("/api/v1/invoices", Json.MAPPER.createObjectNode().put("salesOrder", id), 201).get(0);
        assertThat(line(invoice, 1).get("vatRate").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(invoice.get("net").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(invoice.get("vat").decimalValue()).isEqualByComparingTo("7.40");
        assertThat(invoice.get("gross").decimalValue()).isEqualByComparingTo("67.40");
    }

    @Test
    void thePosUsesTheProductsRateOnNetOrGrossPrices() {
        assertThat(biz.get("/api/v1/pos/settings").get("prices").asText()).isEqualTo("net");
        // net prices: TAPE 2 × 2.14 = 4.28 + 7% 0.2996 → 0.30; BOLT 3.00 + 20% 0.60 → 8.18
        JsonNode net = sale();
        assertThat(net.get("vat").decimalValue()).isEqualByComparingTo("0.90");
        assertThat(net.get("gross").decimalValue()).isEqualByComparingTo("8.18");
        assertThat(net.get("lines").get(0).get("vatRate").decimalValue()).isEqualByComparingTo("0.07");

        assertProblem(put("/api/v1/pos/settings", "{\"prices\":\"both\"}"), 400);
        HttpResponse<String> set = put("/api/v1/pos/settings", "{\"prices\":\"gross\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(biz.get("/api/v1/pos/settings").get("prices").asText()).isEqualTo("gross");
        try {
            // gross prices: TAPE 4.28 includes 4.28 × 0.07 / 1.07 = 0.28 VAT (net 4.00); BOLT 3.00 includes 0.50 (net 2.50)
            JsonNode gross = sale();
            assertThat(gross.get("gross").decimalValue()).isEqualByComparingTo("7.28");
            assertThat(gross.get("vat").decimalValue()).isEqualByComparingTo("0.78");
            assertThat(gross.get("lines").get(0).get("net").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(gross.get("lines").get(1).get("net").decimalValue()).isEqualByComparingTo("2.50");
            assertThat(gross.get("change").decimalValue()).isEqualByComparingTo("2.72");
            JsonNode entry = biz.get("/api/v1/journal?document=" + gross.get("number").asText()).get(0);
            java.util.Map<String, String> credits = new java.util.HashMap<>();
            entry.get("lines").forEach(l -> credits.put(l.get("account").asText(), l.get("credit").decimalValue().toPlainString()));
            assertThat(credits).containsEntry("4000", "6.50").containsEntry("2200", "0.78");
        } finally {
            assertThat(put("/api/v1/pos/settings", "{\"prices\":\"net\"}").statusCode()).isEqualTo(200);
        }
    }

    private static JsonNode sale() {
        return biz.ok("/api/v1/pos/sales", read("{\"warehouse\":\"WH1\",\"location\":\"SHELF-A4\",\"lines\":["
                + "{\"barcode\":\"4012345400021\",\"quantity\":2},{\"barcode\":\"4012345300017\"}],"
                + "\"payments\":[{\"method\":\"cash\",\"amount\":\"10.00\"}]}"), 201);
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpResponse<String> patch(String path, String body) {
        return rest.request("PATCH", path, token, body);
    }

    private static HttpResponse<String> put(String path, String body) {
        return rest.request("PUT", path, token, body);
    }
}
