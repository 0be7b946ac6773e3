package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/stock?asOf=}: the latest closing snapshot plus the ledger rows after it. Past
 * movements are written with explicit {@code recorded_at} (the API stamps now), with their levels.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockAsOfIT extends CloudITSupport {

    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() {
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
    }

    @Test
    @Order(1)
    void asOfBeforeAndAfterASnapshotIsExact() throws Exception {
        post("TAPE-50", "SHELF-A4", "10", "2026-01-01T08:00:00Z");
        post("TAPE-50", "SHELF-A4", "-3", "2026-01-10T08:00:00Z");
        post("TAPE-50", "SHELF-A2", "4", "2026-01-11T08:00:00Z");

        HttpResponse<String> snap = inv.post("/api/v1/inventory/snapshots",
                Json.MAPPER.createObjectNode().put("at", "2026-01-15T00:00:00Z"));
        assertThat(snap.statusCode()).as(snap.body()).isEqualTo(201);
        assertThat(RestClient.json(snap).get("snapshotAt").asText()).isEqualTo("2026-01-15T00:00:00Z");
        assertThat(RestClient.json(snap).get("rows").asInt()).isEqualTo(2);

        post("TAPE-50", "SHELF-A4", "5", "2026-01-20T08:00:00Z");
        post("TAPE-50", "SHELF-A4", "-2", "2026-02-01T08:00:00Z");

        assertThat(asOf("2025-12-31T00:00:00Z")).isEqualByComparingTo("0");
        assertThat(asOf("2026-01-05T00:00:00Z")).isEqualByComparingTo("10");
        assertThat(asOf("2026-01-10T08:00:00Z")).as("a row recorded at asOf counts").isEqualByComparingTo("7");
        assertThat(asOf("2026-01-15T00:00:00Z")).isEqualByComparingTo("7");
        assertThat(asOf("2026-01-25T00:00:00Z")).isEqualByComparingTo("12");
        assertThat(asOf("2026-03-01T00:00:00Z")).isEqualByComparingTo("10");
        assertThat(inv.level("TAPE-50", "WH1", "SHELF-A4")).isEqualByComparingTo("10");
        JsonNode all = rest.getJson("/api/v1/stock?sku=TAPE-50&asOf=2026-01-12T00:00:00Z", token);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("location").asText()).isEqualTo("SHELF-A2");
        assertThat(all.get(0).get("unit").asText()).isEqualTo("EA");
        assertThat(all.get(0).get("lot").isNull()).isTrue();

        // After the snapshot, the reader starts from it rather than from the ledger's beginning: a
        // (deliberately) altered snapshot row shows through, and it does not before the snapshot.
        alterSnapshot("TAPE-50", "SHELF-A4", "100");
        assertThat(asOf("2026-01-25T00:00:00Z")).isEqualByComparingTo("112");
        assertThat(asOf("2026-01-12T00:00:00Z")).isEqualByComparingTo("7");
        alterSnapshot("TAPE-50", "SHELF-A4", "-100");
        inv.assertInvariantOk();
    }

    /** Runs after the past snapshot of the first test: snapshots only go forward in time. */
    @Test
    @Order(2)
    void snapshotsCloseThePastInOrder() {
        HttpResponse<String> now = inv.post("/api/v1/inventory/snapshots", null);
        assertThat(now.statusCode()).as(now.body()).isEqualTo(201);
        Instant at = Instant.parse(RestClient.json(now).get("snapshotAt").asText());

        HttpResponse<String> older = inv.post("/api/v1/inventory/snapshots",
                Json.MAPPER.createObjectNode().put("at", "2026-01-16T00:00:00Z"));
        assertProblem(older, 400);
        assertThat(RestClient.json(older).get("detail").asText()).contains("is not after the latest snapshot");
        ObjectNode future = Json.MAPPER.createObjectNode().put("at", at.plusSeconds(86_400).toString());
        assertProblem(inv.post("/api/v1/inventory/snapshots", future), 400);
        assertProblem(inv.post("/api/v1/inventory/snapshots", Json.MAPPER.createObjectNode().put("at", "soon")), 400);
        assertProblem(rest.get("/api/v1/stock?asOf=yesterday", token), 400);
        assertThat(rest.getJson("/api/v1/inventory/snapshots", token).get(0).get("snapshotAt").asText())
                .isEqualTo(at.toString());

        // As of now (after the latest snapshot) equals the live levels.
        inv.stock("GLOVE-L", "WH1", "SHELF-A3", "6");
        assertThat(rest.getJson("/api/v1/stock?asOf=" + Instant.now().plusSeconds(1), token))
                .isEqualTo(rest.getJson("/api/v1/stock", token));
    }

    private static BigDecimal asOf(String instant) {
        return inv.level("/api/v1/stock?sku=TAPE-50&warehouse=WH1&location=SHELF-A4&asOf=" + instant);
    }

    /** A ledger row recorded at {@code at}, and its level change, in one transaction as the poster writes them. */
    private static void post(String sku, String location, String quantity, String at) throws SQLException {
        try (Connection c = core.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_ledger (event_id, line_no, sku, warehouse,"
                    + " location, quantity, unit, movement_type, cause_type, cause_ref, reason, username, recorded_at)"
                    + " VALUES (?, 0, ?, 'WH1', ?, ?, 'EA', 'ADJUSTMENT', 'adjustment', ?, 'test setup', 'admin', ?)")) {
                String id = UUID.randomUUID().toString();
                ps.setString(1, id);
                ps.setString(2, sku);
                ps.setString(3, location);
                ps.setBigDecimal(4, new BigDecimal(quantity));
                ps.setString(5, "adj:" + id);
                ps.setTimestamp(6, Timestamp.from(Instant.parse(at)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_level (sku, warehouse, location, lot, quantity, unit)"
                    + " VALUES (?, 'WH1', ?, '', ?, 'EA') ON CONFLICT (sku, warehouse, location, lot)"
                    + " DO UPDATE SET quantity = stock_level.quantity + EXCLUDED.quantity")) {
                ps.setString(1, sku);
                ps.setString(2, location);
                ps.setBigDecimal(3, new BigDecimal(quantity));
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static void alterSnapshot(String sku, String location, String delta) throws SQLException {
        try (Connection c = core.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE stock_snapshot SET quantity = quantity + ? WHERE sku = ?"
                     + " AND location = ? AND snapshot_at = '2026-01-15T00:00:00Z'")) {
            ps.setBigDecimal(1, new BigDecimal(delta));
            ps.setString(2, sku);
            ps.setString(3, location);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
