package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.catalog.domain.Csv;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The audit log: what REST changes, logins and device batches record; search, export, append-only, hash chain. */
class AuditLogIT extends CloudITSupport {

    static String admin;

    @BeforeAll
    static void someActivity() throws Exception {
        admin = adminToken();
        assertThat(rest.postToken("admin", "not-the-password").statusCode()).isEqualTo(401);
        post("POST", "/api/v1/products", "{\"sku\":\"AUD-1\",\"name\":\"Audited\",\"unit\":\"EA\"}", 201);
        post("PATCH", "/api/v1/products/AUD-1", "{\"name\":\"Audited, renamed\"}", 200);
        post("POST", "/api/v1/adjustments", "{\"sku\":\"TAPE-50\",\"warehouse\":\"WH1\",\"location\":\"SHELF-A4\",\"quantity\":4,"
                + "\"reason\":\"found\"}", 201);
        post("DELETE", "/api/v1/products/AUD-1", null, 204);
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                    TestGateway.movement(MovementType.SHELF_PLACEMENT, "SHELF-A4", "TAPE-50", "2", "EA")));
            assertThat(gw.awaitAck(seq).accepted()).isEqualTo(1);
        }
        // REST entries are appended just after the answer is sent
        await().atMost(Duration.ofSeconds(10)).until(() -> total("/api/v1/audit?resource=products") >= 3);
    }

    @Test
    void restChangesRecordWhoWhatWhereBeforeAndAfter() {
        JsonNode rows = rest.getJson("/api/v1/audit?resource=products", admin);
        assertThat(rows).extracting(r -> r.get("action").asText())
                .containsExactly("DELETE /api/v1/products/AUD-1", "PATCH /api/v1/products/AUD-1", "POST /api/v1/products");
        JsonNode patch = rows.get(1);
        assertThat(patch.get("actor").asText()).isEqualTo("admin");
        assertThat(patch.get("actorKind").asText()).isEqualTo("user");
        assertThat(patch.get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(patch.get("resourceId").asText()).isEqualTo("AUD-1");
        assertThat(patch.get("status").asInt()).isEqualTo(200);
        assertThat(patch.get("before").get("name").asText()).isEqualTo("Audited");
        assertThat(patch.get("after").get("name").asText()).isEqualTo("Audited, renamed");
        assertThat(rows.get(0).get("before").get("name").asText()).isEqualTo("Audited, renamed");
        assertThat(rows.get(2).get("resourceId").asText()).isEqualTo("AUD-1");

        JsonNode adjustment = rest.getJson("/api/v1/audit?resource=adjustments", admin).get(0);
        assertThat(adjustment.get("after").toString()).contains("TAPE-50").contains("found");
    }

    @Test
    void loginsDeviceBatchesAndSystemChangesAreRecorded() {
        JsonNode logins = rest.getJson("/api/v1/audit?resource=auth&user=admin", admin);
        assertThat(logins).extracting(r -> r.get("status").asInt()).contains(200, 401);
        JsonNode batch = rest.getJson("/api/v1/audit?resource=movements&user=demo/gw-1", admin).get(0);
        assertThat(batch.get("action").asText()).isEqualTo("ingest-batch");
        assertThat(batch.get("actorKind").asText()).isEqualTo("device");
        assertThat(batch.get("after").get("accepted").asInt()).isEqualTo(1);
        assertThat(rest.getJson("/api/v1/audit?user=system&resource=site", admin).get(0).get("resourceId").asText()).isEqualTo("demo");
    }

    @Test
    void searchPagesAndFiltersByTime() {
        HttpResponse<String> page = rest.get("/api/v1/audit?size=2&page=2", admin);
        assertThat(page.statusCode()).isEqualTo(200);
        long total = Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThan(6);
        assertThat(RestClient.json(page)).hasSize(2);
        assertThat(page.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("page=3"));
        Instant future = Instant.now().plus(Duration.ofHours(1));
        assertThat(rest.getJson("/api/v1/audit?from=" + future, admin)).isEmpty();
        assertThat(total("/api/v1/audit?to=" + future)).isEqualTo(total("/api/v1/audit"));
        assertThat(rest.get("/api/v1/audit?from=yesterday", admin).statusCode()).isEqualTo(400);
    }

    @Test
    void exportIsCsvOfTheSameEntries() {
        HttpResponse<String> csv = rest.get("/api/v1/audit/export?resource=products", admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<Csv.Row> rows = Csv.parse(csv.body());
        assertThat(rows.get(0).cells()).startsWith("id", "at", "actor");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).cells().get(5)).isEqualTo("PATCH /api/v1/products/AUD-1");
        assertThat(rows.get(2).cells().get(9)).contains("\"name\": \"Audited\"");
    }

    @Test
    void theLogIsAppendOnlyAndTamperingIsDetectedAtTheChangedRow() throws SQLException {
        JsonNode ok = rest.getJson("/api/v1/audit/verify", admin);
        assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("firstBadEntry").isNull()).isTrue();
        long target = rest.getJson("/api/v1/audit?resource=products", admin).get(1).get("id").asLong();

        try (Connection c = core.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = " + target))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE id = " + target))
                    .hasMessageContaining("append-only");
            // A superuser can switch the triggers off; the hash chain still shows it.
            s.execute("SET session_replication_role = replica");
            s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = " + target);
            JsonNode bad = rest.getJson("/api/v1/audit/verify", admin);
            assertThat(bad.get("ok").asBoolean()).isFalse();
            assertThat(bad.get("firstBadEntry").asLong()).isEqualTo(target);
            System.out.println("audit verify after tampering with entry " + target + ": " + bad);
            s.executeUpdate("UPDATE audit_log SET actor = 'admin' WHERE id = " + target);
            s.execute("SET session_replication_role = DEFAULT");
        }
        assertThat(rest.getJson("/api/v1/audit/verify", admin).get("ok").asBoolean()).as("restored").isTrue();
    }

    @Test
    void onlyAdminAndAuditorMayReadTheLog() {
        post("POST", "/api/v1/users", "{\"username\":\"inspector\",\"password\":\"inspector-password-1\",\"roles\":[\"auditor\"]}", 201);
        post("POST", "/api/v1/users", "{\"username\":\"boss\",\"password\":\"supervisor-password-1\",\"roles\":[\"supervisor\"]}", 201);
        assertThat(rest.get("/api/v1/audit/verify", rest.token("inspector", "inspector-password-1")).statusCode()).isEqualTo(200);
        assertThat(rest.get("/api/v1/audit", rest.token("boss", "supervisor-password-1")).statusCode()).isEqualTo(403);
    }

    private static long total(String path) {
        HttpResponse<String> r = rest.get(path, admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
    }

    private static void post(String method, String path, String body, int status) {
        HttpResponse<String> r = rest.request(method, path, admin, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    }
}
