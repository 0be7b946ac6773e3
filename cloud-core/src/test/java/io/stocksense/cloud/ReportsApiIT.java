package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-only resources behind the web app's report pages and its user menu, against real ingest. */
class ReportsApiIT extends CloudITSupport {

    static String token;
    static Instant before;

    @BeforeAll
    static void receiveAndDispatch() throws Exception {
        token = adminToken();
        before = Instant.now().minusSeconds(3600);
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                    TestGateway.movement(MovementType.RECEIPT, "DOCK-1", "YOG-NAT-6", "10", "CS"),
                    TestGateway.movement(MovementType.RECEIPT, "DOCK-1", "WATER-24", "5", "CS")));
            gw.awaitAck(seq);
            long seq2 = TestGateway.nextSeq();
            gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq2,
                    TestGateway.movement(MovementType.DISPATCH, "DOCK-1", "YOG-NAT-6", "4", "CS")));
            gw.awaitAck(seq2);
        }
    }

    @Test
    void turnoverCountsOutboundAgainstMeanStock() {
        JsonNode rows = rest.getJson("/api/v1/reports/inventory/turnover?from=" + enc(before), token);
        JsonNode yog = row(rows, "YOG-NAT-6");
        assertThat(yog.get("opening").decimalValue()).isEqualByComparingTo("0");
        assertThat(yog.get("closing").decimalValue()).isEqualByComparingTo("6");
        assertThat(yog.get("outbound").decimalValue()).isEqualByComparingTo("4");
        assertThat(yog.get("turnover").decimalValue()).isEqualByComparingTo("1.33"); // 4 / ((0 + 6) / 2)
        assertThat(yog.get("name").asText()).isEqualTo("Natural yoghurt, 6-pack");
        assertThat(row(rows, "WATER-24").get("turnover").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void slowMovingListsStockThatNeverWentOut() {
        JsonNode rows = rest.getJson("/api/v1/reports/inventory/slow-moving?days=1", token);
        assertThat(row(rows, "WATER-24").get("lastOutbound").isNull()).isTrue();
        assertThat(rows.findValuesAsText("sku")).doesNotContain("YOG-NAT-6");
    }

    @Test
    void ageingPutsTodaysReceiptsInTheFirstBucket() {
        JsonNode yog = row(rest.getJson("/api/v1/reports/inventory/ageing?warehouse=WH1", token), "YOG-NAT-6");
        assertThat(yog.get("quantity").decimalValue()).isEqualByComparingTo("6");
        assertThat(yog.get("d0to30").decimalValue()).isEqualByComparingTo("6");
        assertThat(yog.get("over180").decimalValue()).isEqualByComparingTo("0");
        assertThat(yog.get("unknown").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void movementsAreSummedPerDayAndType() {
        JsonNode rows = rest.getJson("/api/v1/reports/inventory/movements?from=" + enc(before) + "&bucket=hour", token);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("movementType").asText()).isEqualTo("DISPATCH");
            assertThat(r.get("out").decimalValue()).isEqualByComparingTo("4");
        });
        assertThat(rest.get("/api/v1/reports/inventory/movements?bucket=month", token).statusCode()).isEqualTo(400);
        assertThat(rest.get("/api/v1/reports/environment?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", token).statusCode())
                .isEqualTo(400);
    }

    @Test
    void meAndLanguagePreference() {
        JsonNode me = rest.getJson("/api/v1/me", token);
        assertThat(me.get("username").asText()).isEqualTo("admin");
        assertThat(me.get("permissions").toString()).isEqualTo("[\"*\"]");
        assertThat(rest.request("PUT", "/api/v1/me/preferences", token, "{\"lang\":\"fr\"}").statusCode()).isEqualTo(400);
        assertThat(rest.request("PUT", "/api/v1/me/preferences", token, "{\"lang\":\"zh-CN\"}").statusCode()).isEqualTo(200);
        assertThat(rest.getJson("/api/v1/me", token).get("lang").asText()).isEqualTo("zh-CN");
        assertThat(rest.get("/api/v1/me", null).statusCode()).isEqualTo(401);
    }

    @Test
    void deviceHealthListsTheSitesDevices() {
        JsonNode health = rest.getJson("/api/v1/devices/health", token);
        assertThat(health.get("devices").findValuesAsText("id")).contains("portal-dock1", "cold-sensor-1", "shelf-a1");
        assertThat(health.get("gateways").findValuesAsText("id")).contains("gw-1");
        assertThat(rest.request("POST", "/api/v1/alarms/999999/ack", token, null).statusCode()).isEqualTo(404);
        assertThat(rest.request("POST", "/api/v1/alarms/abc/ack", token, null).statusCode()).isEqualTo(400);
    }

    @Test
    void stocktakesAreListedWithTheirCountingProgress() {
        HttpResponse<String> created = rest.request("POST", "/api/v1/stocktakes", token, "{\"warehouse\":\"WH1\",\"zone\":\"DOCK\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = RestClient.json(created).get("id").asLong();
        HttpResponse<String> counted = rest.request("POST", "/api/v1/stocktakes/" + id + "/counts", token,
                "[{\"sku\":\"WATER-24\",\"location\":\"DOCK-1\",\"counted\":4}]");
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);

        JsonNode list = rest.getJson("/api/v1/reports/stocktakes?warehouse=WH1", token);
        JsonNode mine = null;
        for (JsonNode s : list) {
            if (s.get("id").asLong() == id) {
                mine = s;
            }
        }
        assertThat(mine).as("stocktake %d in %s", id, list).isNotNull();
        assertThat(mine.get("zone").asText()).isEqualTo("DOCK");
        assertThat(mine.get("status").asText()).isEqualTo("open");
        assertThat(mine.get("lines").asLong()).isEqualTo(2); // YOG-NAT-6 and WATER-24 at DOCK-1
        assertThat(mine.get("counted").asLong()).isEqualTo(1);
        assertThat(mine.get("varianceLines").asLong()).isEqualTo(1); // 4 counted, 5 expected
        assertThat(list.get(0).get("id").asLong()).isGreaterThanOrEqualTo(id);
        assertThat(rest.getJson("/api/v1/reports/stocktakes?status=posted", token)).isEmpty();
        assertThat(rest.get("/api/v1/reports/stocktakes?status=closed", token).statusCode()).isEqualTo(400);
    }

    private static JsonNode row(JsonNode rows, String sku) {
        for (JsonNode r : rows) {
            if (sku.equals(r.get("sku").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + sku + " in " + rows);
    }

    private static String enc(Instant i) {
        return URLEncoder.encode(i.toString(), StandardCharsets.UTF_8);
    }
}
