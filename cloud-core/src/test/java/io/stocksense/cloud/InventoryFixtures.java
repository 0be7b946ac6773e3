package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests and checks the inventory ITs share. */
final class InventoryFixtures {

    private final RestClient rest;
    private final String token;

    InventoryFixtures(RestClient rest, String token) {
        this.rest = rest;
        this.token = token;
    }

    HttpResponse<String> adjust(String sku, String warehouse, String location, String quantity, String reason) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", sku).put("warehouse", warehouse).put("location", location)
                .put("quantity", new BigDecimal(quantity)).put("reason", reason);
        return post("/api/v1/adjustments", b);
    }

    HttpResponse<String> scrap(String sku, String warehouse, String location, String quantity, String reason) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", sku).put("warehouse", warehouse).put("location", location)
                .put("quantity", new BigDecimal(quantity)).put("reason", reason);
        return post("/api/v1/scrap", b);
    }

    HttpResponse<String> transfer(String sku, String quantity, String fromWarehouse, String fromLocation, String toWarehouse,
                                  String toLocation) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("sku", sku).put("quantity", new BigDecimal(quantity))
                .put("fromWarehouse", fromWarehouse).put("fromLocation", fromLocation).put("toWarehouse", toWarehouse)
                .put("toLocation", toLocation);
        return post("/api/v1/transfers", b);
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return rest.request("POST", path, token, body == null ? null : body.toString());
    }

    /** Receives {@code quantity} at the key through an adjustment, which must succeed. */
    void stock(String sku, String warehouse, String location, String quantity) {
        HttpResponse<String> r = adjust(sku, warehouse, location, quantity, "opening stock");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The current level of a key without lot; zero when {@code GET /stock} omits it. */
    BigDecimal level(String sku, String warehouse, String location) {
        return level("/api/v1/stock?sku=" + sku + "&warehouse=" + warehouse + "&location=" + location);
    }

    BigDecimal level(String query) {
        JsonNode levels = rest.getJson(query, token);
        assertThat(levels.size()).as("levels of %s: %s", query, levels).isLessThanOrEqualTo(1);
        return levels.isEmpty() ? BigDecimal.ZERO : levels.get(0).get("quantity").decimalValue();
    }

    void assertInvariantOk() {
        JsonNode inv = rest.getJson("/api/v1/inventory/invariant", token);
        assertThat(inv.get("differences")).as(inv.toString()).isEmpty();
        assertThat(inv.get("ok").asBoolean()).isTrue();
    }

    /** A second warehouse with one location, as master data would create it. */
    static void addWarehouse(DataSource ds, String code, String location) throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO warehouse (code, name, site_id) VALUES (?, ?, 'demo')"
                    + " ON CONFLICT DO NOTHING")) {
                ps.setString(1, code);
                ps.setString(2, "Warehouse " + code);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO location (warehouse, code, name, kind) VALUES (?, ?, ?, 'bin')"
                    + " ON CONFLICT DO NOTHING")) {
                ps.setString(1, code);
                ps.setString(2, location);
                ps.setString(3, location);
                ps.executeUpdate();
            }
        }
    }

    static void allowNegative(DataSource ds, String sku) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE product SET allow_negative = true WHERE sku = ?")) {
            ps.setString(1, sku);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
