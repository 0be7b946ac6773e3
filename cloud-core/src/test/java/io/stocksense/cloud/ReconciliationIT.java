package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.DISPATCH;
import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACCEPTANCE (issue "Inventory core", reconciliation): a shelf count that disagrees with the ledger
 * keeps one variance alert with its evidence; a portal dispatch with no shipment is one shrinkage alert.
 */
class ReconciliationIT extends CloudITSupport {

    static TestGateway gateway;
    static String token;
    static InventoryFixtures inv;

    @BeforeAll
    static void connect() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
        inv = new InventoryFixtures(rest, token);
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void aShelfThatWeighsSevenWhileTheLedgerSaysNineKeepsOneVariance() throws Exception {
        inv.stock("BOLT-M8", "WH1", "SHELF-A1", "9");

        HttpResponse<String> first = inv.post("/api/v1/observations", observation(7));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode o = RestClient.json(first);
        assertThat(o.get("observed").decimalValue()).isEqualByComparingTo("7");
        assertThat(o.get("ledger").decimalValue()).isEqualByComparingTo("9");
        assertThat(o.get("variance").decimalValue()).isEqualByComparingTo("-2");
        assertThat(o.get("warehouse").asText()).isEqualTo("WH1");
        long alertId = o.get("alertId").asLong();

        // the same shelf reports again, through the gateway and through the API
        long seq = TestGateway.nextSeq();
        DeviceEvent e = new DeviceEvent(UUID.randomUUID().toString(), null, "shelf-a1", TestGateway.nextSeq(), null,
                Instant.now(), ClockSync.SYNCED, "shelf-count", "warning", "shelf count differs",
                Map.of("sku", "BOLT-M8", "location", "SHELF-A1", "count", "7", "grams", "234.5"));
        gateway.publish(Topics.Channel.EVENTS, TestGateway.batch(seq, Json.MAPPER.valueToTree(e)));
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 1, 0, List.of()));
        HttpResponse<String> third = inv.post("/api/v1/observations", observation(7));
        assertThat(RestClient.json(third).get("alertId").asLong()).isEqualTo(alertId);

        JsonNode variances = rest.getJson("/api/v1/inventory/alerts?kind=variance&open=true", token);
        assertThat(variances).hasSize(1);
        JsonNode alert = variances.get(0);
        assertThat(alert.get("id").asLong()).isEqualTo(alertId);
        assertThat(alert.get("sku").asText()).isEqualTo("BOLT-M8");
        assertThat(alert.get("location").asText()).isEqualTo("SHELF-A1");
        JsonNode detail = alert.get("detail");
        assertThat(detail.get("deviceId").asText()).isEqualTo("shelf-a1");
        assertThat(detail.get("observed").decimalValue()).isEqualByComparingTo("7");
        assertThat(detail.get("ledger").decimalValue()).isEqualByComparingTo("9");
        assertThat(detail.get("observations").asInt()).isEqualTo(3);
        assertThat(detail.get("observedAt").asText()).isNotBlank();
        assertThat(detail.get("evidence").get("grams").asText()).isEqualTo("234.5");

        // once the ledger agrees, reconciling resolves the variance
        assertThat(inv.adjust("BOLT-M8", "WH1", "SHELF-A1", "-2", "two bolts lost").statusCode()).isEqualTo(201);
        HttpResponse<String> rec = inv.post("/api/v1/inventory/reconcile", null);
        assertThat(rec.statusCode()).as(rec.body()).isEqualTo(200);
        assertThat(RestClient.json(rec)).anySatisfy(v -> {
            assertThat(v.get("sku").asText()).isEqualTo("BOLT-M8");
            assertThat(v.get("variance").decimalValue()).isEqualByComparingTo("0");
        });
        assertThat(rest.getJson("/api/v1/inventory/alerts?kind=variance&open=true", token)).isEmpty();
        assertThat(rest.getJson("/api/v1/inventory/alerts?kind=variance", token)).singleElement()
                .satisfies(a -> assertThat(a.get("resolvedAt").isNull()).isFalse());
        assertProblem(inv.post("/api/v1/observations", observation(7).put("sku", "NO-SUCH")), 400);
    }

    @Test
    void aTagLeavingThroughThePortalWithNoShipmentIsOneShrinkageAlert() throws Exception {
        inv.stock("WATER-24", "WH1", "DOCK-1", "3");
        String epc = EpcCodec.encodeSgtin96("14012345200017", 7, 1, 4711);
        long seq = TestGateway.nextSeq();
        ObjectNode batch = TestGateway.batch(seq,
                TestGateway.movement(DISPATCH, "DOCK-1", "WATER-24", "1", "CS", null, List.of(epc)),
                TestGateway.movement(RECEIPT, "DOCK-1", "WATER-24", "2", "CS", null, List.of()));
        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 2, 0, List.of()));
        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 0, 2, List.of()));

        JsonNode shrinkage = rest.getJson("/api/v1/inventory/alerts?kind=shrinkage", token);
        assertThat(shrinkage).hasSize(1);
        JsonNode a = shrinkage.get(0);
        assertThat(a.get("kind").asText()).isEqualTo("shrinkage");
        assertThat(a.get("sku").asText()).isEqualTo("WATER-24");
        assertThat(a.get("location").asText()).isEqualTo("DOCK-1");
        assertThat(a.get("detail").get("deviceId").asText()).isEqualTo("dev-DOCK-1");
        assertThat(a.get("detail").get("epcs")).extracting(JsonNode::asText).containsExactly(epc);
        assertThat(a.get("detail").get("gatewayTime").asText()).isNotBlank();
        assertThat(inv.level("WATER-24", "WH1", "DOCK-1")).isEqualByComparingTo("4");
        inv.assertInvariantOk();
        assertThat(rest.getJson("/api/v1/openapi.json", null).get("paths").fieldNames()).toIterable()
                .contains("/api/v1/observations", "/api/v1/inventory/reconcile");
    }

    private static ObjectNode observation(int count) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("kind", "shelf-count").put("deviceId", "shelf-a1")
                .put("sku", "BOLT-M8").put("location", "SHELF-A1").put("count", count);
        o.putObject("evidence").put("grams", "234.5");
        return o;
    }
}
