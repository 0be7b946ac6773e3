package io.stocksense.junit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A typed client of the warehouse's REST API, logged in as {@code admin}: stock levels, the ledger,
 * products, the ledger invariant. Every call is a real HTTP request; a non-2xx answer is an
 * {@link IllegalStateException} carrying the status and the problem+json body. Thread-safe.
 */
public final class WarehouseClient {

    /** A stock level of one SKU × location × lot. */
    public record StockLevel(String sku, String warehouse, String location, String lot, BigDecimal quantity, String unit) {
    }

    /** One ledger row; {@code quantity} is signed. */
    public record Movement(long id, String sku, String warehouse, String location, BigDecimal quantity, String unit,
                           String movementType, String deviceId, Instant recordedAt) {
    }

    /** A product of the catalog. */
    public record Product(String sku, String name, String unit, String gtin) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    WarehouseClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        JsonNode login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("username", username, "password", password)))), "login");
        this.token = login.get("access_token").asText();
    }

    /** Every stock level. */
    public List<StockLevel> stock() {
        return Arrays.asList(JSON.convertValue(get("/api/v1/stock"), StockLevel[].class));
    }

    /** The levels of one SKU. */
    public List<StockLevel> stock(String sku) {
        return Arrays.asList(JSON.convertValue(get("/api/v1/stock?sku=" + enc(sku)), StockLevel[].class));
    }

    /** What one SKU holds at one location, lots summed; zero when there is no level. */
    public BigDecimal quantity(String sku, String location) {
        return stock(sku).stream().filter(l -> l.location().equals(location)).map(StockLevel::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** All stock as {@code SKU@LOCATION} → quantity (lots summed, zeros left out, trailing zeros stripped). */
    public Map<String, BigDecimal> stockByKey() {
        Map<String, BigDecimal> out = new TreeMap<>();
        stock().forEach(l -> out.merge(l.sku() + "@" + l.location(), l.quantity(), BigDecimal::add));
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        out.values().removeIf(v -> v.signum() == 0);
        return out;
    }

    /**
     * Waits until the stock is exactly {@code expected} ({@code SKU@LOCATION} → quantity, as
     * {@link PlayedScenario#expectedStock()} gives it), polling every 250 ms.
     *
     * @throws AssertionError naming expected and actual stock when it is not so within {@code timeout}
     */
    public void awaitStock(Map<String, BigDecimal> expected, Duration timeout) {
        Map<String, BigDecimal> want = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (v.signum() != 0) {
                want.put(k, v.stripTrailingZeros());
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, BigDecimal> actual = stockByKey();
        while (!actual.equals(want)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stock did not become " + want + " within " + timeout + "; it is " + actual);
            }
            sleep(250);
            actual = stockByKey();
        }
    }

    /** The ledger, newest first; {@code sku} may be null for all. */
    public List<Movement> movements(String sku, int limit) {
        String q = "/api/v1/movements?limit=" + limit + (sku == null ? "" : "&sku=" + enc(sku));
        return Arrays.asList(JSON.convertValue(get(q), Movement[].class));
    }

    public List<Product> products() {
        return Arrays.asList(JSON.convertValue(get("/api/v1/products?size=1000"), Product[].class));
    }

    /** Whether every stock level equals the sum of its ledger rows. */
    public boolean invariantHolds() {
        return get("/api/v1/inventory/invariant").path("ok").asBoolean(false);
    }

    /** Any GET under the API, as JSON: for what the typed methods do not cover. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).GET(), "GET " + path);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " -> " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for stock", e);
        }
    }
}
