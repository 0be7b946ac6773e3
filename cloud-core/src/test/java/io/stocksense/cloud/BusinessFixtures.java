package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the business-flow ITs share: master data, purchase orders, sales orders, lines. */
final class BusinessFixtures {

    private final RestClient rest;
    private final String token;

    BusinessFixtures(RestClient rest, String token) {
        this.rest = rest;
        this.token = token;
    }

    void supplier(String code, int leadTimeDays) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("code", code).put("name", "Supplier " + code)
                .put("leadTimeDays", leadTimeDays);
        created(post("/api/v1/suppliers", b, token));
    }

    void customer(String code, String creditLimit) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("code", code).put("name", "Customer " + code);
        if (creditLimit != null) {
            b.putObject("creditLimit").put("amount", creditLimit).put("currency", "EUR");
        }
        created(post("/api/v1/customers", b, token));
    }

    /** A purchase order body: lines as sku, quantity, unitPrice triples. */
    static ObjectNode order(String supplier, String location, String... lines) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("supplier", supplier).put("warehouse", "WH1")
                .put("currency", "EUR");
        if (location != null) {
            b.put("location", location);
        }
        ArrayNode arr = b.putArray("lines");
        for (int i = 0; i < lines.length; i += 3) {
            arr.addObject().put("sku", lines[i]).put("quantity", new BigDecimal(lines[i + 1]))
                    .put("unitPrice", lines[i + 2]);
        }
        return b;
    }

    /** {@code {"lines": [{"line": n, "quantity": q}, ...]}} from line, quantity pairs. */
    static ObjectNode lines(Object... pairs) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        ArrayNode arr = b.putArray("lines");
        for (int i = 0; i < pairs.length; i += 2) {
            arr.addObject().put("line", (Integer) pairs[i]).put("quantity", new BigDecimal(pairs[i + 1].toString()));
        }
        return b;
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return post(path, body, token);
    }

    HttpResponse<String> post(String path, JsonNode body, String asToken) {
        return rest.request("POST", path, asToken, body == null ? null : body.toString());
    }

    /** POST that must answer {@code status}; returns its JSON. */
    JsonNode ok(String path, JsonNode body, int status) {
        HttpResponse<String> r = post(path, body);
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(status);
        return RestClient.json(r);
    }

    JsonNode get(String path) {
        return rest.getJson(path, token);
    }

    /** The one journal entry of {@code docRef}, as account → debit − credit (plain decimal strings). */
    java.util.Map<String, String> journalEntry(String docRef) {
        JsonNode entries = get("/api/v1/journal?document=" + docRef);
        assertThat(entries).as("entries of %s", docRef).hasSize(1);
        java.util.Map<String, BigDecimal> sums = new java.util.HashMap<>();
        entries.get(0).get("lines").forEach(l -> sums.merge(l.get("account").asText(),
                l.get("debit").decimalValue().subtract(l.get("credit").decimalValue()), BigDecimal::add));
        java.util.Map<String, String> out = new java.util.HashMap<>();
        sums.forEach((k, v) -> out.put(k, v.toPlainString()));
        return out;
    }

    static JsonNode created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RestClient.json(r);
    }

    static JsonNode line(JsonNode document, int no) {
        for (JsonNode l : document.get("lines")) {
            if (l.get("line").asInt() == no) {
                return l;
            }
        }
        throw new AssertionError("no line " + no + " in " + document);
    }
}
