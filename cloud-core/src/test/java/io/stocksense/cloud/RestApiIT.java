package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST surface over HTTP: token flow, resource shapes, problem+json errors, ops endpoints. */
class RestApiIT extends CloudITSupport {

    static String token;

    @BeforeAll
    static void postSomeStock() throws Exception {
        token = adminToken();
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                    TestGateway.movement(MovementType.RECEIPT, "COLD-A1", "VAC-FLU-5", "7", "CS", "L42", List.of()),
                    TestGateway.movement(MovementType.SHELF_PLACEMENT, "SHELF-A4", "TAPE-50", "12", "EA")));
            assertThat(gw.awaitAck(seq).accepted()).isEqualTo(2);
        }
    }

    @Test
    void tokenFlow() {
        HttpResponse<String> bad = rest.postToken("admin", "wrong-password");
        assertProblem(bad, 401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(rest.postToken("nobody", ADMIN_PASSWORD), 401);
        assertProblem(rest.request("POST", "/api/v1/auth/token", null, "{not json"), 400);

        HttpResponse<String> ok = rest.postToken("admin", ADMIN_PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode t = RestClient.json(ok);
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(8 * 3600);
        assertThat(t.get("access_token").asText()).hasSizeGreaterThanOrEqualTo(40);

        assertProblem(rest.get("/api/v1/stock", null), 401);
        assertProblem(rest.get("/api/v1/stock", "not-a-token"), 401);
        assertProblem(rest.get("/api/v1/stock?access_token=" + t.get("access_token").asText(), null), 401);
        assertThat(rest.get("/api/v1/stock", t.get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void stockShape() {
        JsonNode levels = rest.getJson("/api/v1/stock?warehouse=WH1&location=COLD-A1", token);
        assertThat(levels).singleElement().satisfies(l -> {
            assertThat(l.get("sku").asText()).isEqualTo("VAC-FLU-5");
            assertThat(l.get("warehouse").asText()).isEqualTo("WH1");
            assertThat(l.get("location").asText()).isEqualTo("COLD-A1");
            assertThat(l.get("lot").asText()).isEqualTo("L42");
            assertThat(l.get("quantity").isNumber()).isTrue();
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo("7");
            assertThat(l.get("unit").asText()).isEqualTo("CS");
        });
        assertThat(rest.getJson("/api/v1/stock?sku=TAPE-50", token)).singleElement()
                .satisfies(l -> assertThat(l.get("lot").isNull()).isTrue());
        assertThat(rest.getJson("/api/v1/stock?sku=NOTHING", token)).isEmpty();
    }

    @Test
    void movementsShapeAndParameters() {
        JsonNode rows = rest.getJson("/api/v1/movements?sku=VAC-FLU-5", token);
        assertThat(rows).singleElement().satisfies(m -> {
            assertThat(m.get("id").asLong()).isPositive();
            assertThat(m.get("eventId").asText()).hasSize(36);
            assertThat(m.get("sku").asText()).isEqualTo("VAC-FLU-5");
            assertThat(m.get("warehouse").asText()).isEqualTo("WH1");
            assertThat(m.get("location").asText()).isEqualTo("COLD-A1");
            assertThat(m.get("lot").asText()).isEqualTo("L42");
            assertThat(m.get("quantity").decimalValue()).isEqualByComparingTo("7");
            assertThat(m.get("unit").asText()).isEqualTo("CS");
            assertThat(m.get("movementType").asText()).isEqualTo("RECEIPT");
            assertThat(m.get("causeType").asText()).isEqualTo("device-event");
            assertThat(m.get("deviceId").asText()).isEqualTo("dev-COLD-A1");
            assertThat(m.get("deviceTime").asText()).isEqualTo("2026-01-05T10:00:00Z");
            assertThat(m.get("recordedAt").asText()).isNotBlank();
        });
        assertThat(rest.getJson("/api/v1/movements?limit=1", token)).hasSize(1);
        assertThat(rest.getJson("/api/v1/movements?since=2999-01-01T00:00:00Z", token)).isEmpty();
        assertProblem(rest.get("/api/v1/movements?since=yesterday", token), 400);
        assertProblem(rest.get("/api/v1/movements?limit=abc", token), 400);
        assertProblem(rest.get("/api/v1/movements?limit=0", token), 400);
        assertThat(RestClient.json(rest.get("/api/v1/movements?since=yesterday", token)).get("detail").asText())
                .contains("since");
    }

    @Test
    void masterData() {
        JsonNode products = rest.getJson("/api/v1/products", token);
        assertThat(products).hasSize(8);
        assertThat(products).anySatisfy(p -> {
            assertThat(p.get("sku").asText()).isEqualTo("BOLT-M8");
            assertThat(p.get("name").asText()).isEqualTo("Hex bolt M8x40");
            assertThat(p.get("gtin").asText()).isEqualTo("04012345300017");
            assertThat(p.get("unit").asText()).isEqualTo("EA");
            assertThat(p.get("unitWeightGrams").decimalValue()).isEqualByComparingTo("33.5");
        });
        JsonNode locations = rest.getJson("/api/v1/locations", token);
        assertThat(locations).hasSize(6).anySatisfy(l -> {
            assertThat(l.get("code").asText()).isEqualTo("SHELF-A1");
            assertThat(l.get("warehouse").asText()).isEqualTo("WH1");
            assertThat(l.get("zone").asText()).isEqualTo("AMBIENT");
            assertThat(l.get("kind").asText()).isEqualTo("shelf-slot");
        });
        JsonNode warehouses = rest.getJson("/api/v1/warehouses", token);
        assertThat(warehouses.get(0).get("zones")).anySatisfy(z -> {
            assertThat(z.get("code").asText()).isEqualTo("COLD");
            assertThat(z.get("minC").asDouble()).isEqualTo(2.0);
            assertThat(z.get("maxC").asDouble()).isEqualTo(8.0);
            assertThat(z.get("alarmDelaySeconds").asLong()).isEqualTo(900);
        });
        assertThat(rest.getJson("/api/v1/inventory/invariant", token).get("ok").asBoolean()).isTrue();
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        assertProblem(rest.get("/api/v1/no-such-thing", token), 404);
        assertProblem(rest.get("/no-such-page", null), 404);
        assertProblem(rest.request("DELETE", "/api/v1/stock", token, null), 405);
        assertProblem(rest.request("PUT", "/health", null, "{}"), 405);
    }

    @Test
    void opsEndpoints() {
        HttpResponse<String> health = rest.get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(RestClient.json(health).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> ready = rest.get("/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(RestClient.json(ready).get("database").asText()).isEqualTo("UP");
        assertThat(RestClient.json(ready).get("broker").asText()).isEqualTo("UP");

        HttpResponse<String> metrics = rest.get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("stocksense_ingest_batches_received_total ")
                .contains("stocksense_ingest_events_total{result=\"accepted\"} ")
                .contains("stocksense_ingest_events_total{result=\"duplicate\"} ")
                .contains("stocksense_ingest_events_total{result=\"rejected\"} ")
                .contains("stocksense_ingest_latency_seconds_count ")
                .contains("stocksense_http_requests_total{code=\"200\"} ");
        assertThat(metricValue(metrics.body(), "stocksense_ingest_events_total{result=\"accepted\"}")).isGreaterThanOrEqualTo(2);

        HttpResponse<String> openapi = rest.get("/api/v1/openapi.json", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        JsonNode doc = RestClient.json(openapi);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/v1/stock", "/api/v1/movements",
                "/api/v1/products", "/api/v1/locations", "/api/v1/auth/token", "/api/v1/inventory/invariant",
                "/api/v1/telemetry/latest", "/api/v1/ingest/rejections", "/api/v1/stream", "/health", "/ready", "/metrics");
    }

    @Test
    void dashboardIsServed() {
        HttpResponse<String> page = rest.get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login-form\"", "id=\"stock-table\"", "id=\"zones\"", "id=\"feed\"");
        HttpResponse<String> js = rest.get("/js/live.js", null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("/api/v1/stream?access_token=").doesNotContain("http://", "https://");
        assertThat(rest.get("/js/app.js", null).statusCode()).isEqualTo(200);
    }

    private static long metricValue(String body, String name) {
        return body.lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> Long.parseLong(l.substring(name.length() + 1)))
                .findFirst().orElseThrow();
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = RestClient.json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("urn:stocksense:problem:");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
    }
}
