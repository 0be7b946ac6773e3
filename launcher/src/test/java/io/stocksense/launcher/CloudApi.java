package io.stocksense.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** A small REST client for the end-to-end tests: logs in once, then reads stock and the ledger. */
final class CloudApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    CloudApi(String baseUrl, String username, String password) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeString(Map.of("username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        this.token = Json.MAPPER.readTree(r.body()).get("access_token").asText();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** Stock as "SKU@LOCATION" → quantity (lots summed), with trailing zeros stripped for comparison. */
    Map<String, BigDecimal> stockByKey() throws IOException, InterruptedException {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode row : get("/api/v1/stock")) {
            String key = row.get("sku").asText() + "@" + row.get("location").asText();
            out.merge(key, row.get("quantity").decimalValue(), BigDecimal::add);
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        out.values().removeIf(v -> v.signum() == 0);
        return out;
    }

    JsonNode invariant() throws IOException, InterruptedException {
        return get("/api/v1/inventory/invariant");
    }
}
