package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.stocksense.protocol.event.MovementType.DISPATCH;
import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static io.stocksense.protocol.event.MovementType.SHELF_PICK;
import static io.stocksense.protocol.event.MovementType.SHELF_PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: a batch delivered twice counts once; a malformed event and an unknown SKU are rejected
 * with reasons, acked as rejected and kept, while the good events of the same batch are posted; the
 * ledger and the stock levels agree. Each test works on its own SKU × location so they do not interfere.
 */
class IngestIdempotencyIT extends CloudITSupport {

    static TestGateway gateway;
    static String token;

    @BeforeAll
    static void connectGateway() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void theSameBatchTwiceCountsOnce() throws Exception {
        long seq = TestGateway.nextSeq();
        ObjectNode batch = TestGateway.batch(seq,
                TestGateway.movement(RECEIPT, "DOCK-1", "INS-PEN-10", "5", "CS", null,
                        List.of("urn:epc:id:sgtin:4012345.012345.1001", "urn:epc:id:sgtin:4012345.012345.1002")),
                TestGateway.movement(SHELF_PLACEMENT, "SHELF-A1", "BOLT-M8", "20", "EA"),
                TestGateway.movement(SHELF_PICK, "SHELF-A1", "BOLT-M8", "3", "EA"));

        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        BatchAck first = gateway.awaitAck(seq);
        assertThat(first).isEqualTo(new BatchAck(seq, 3, 0, List.of()));
        assertLevel("INS-PEN-10", "DOCK-1", "5", "CS");
        assertLevel("BOLT-M8", "SHELF-A1", "17", "EA");

        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        BatchAck second = gateway.awaitAck(seq);
        assertThat(second).isEqualTo(new BatchAck(seq, 0, 3, List.of()));
        assertLevel("INS-PEN-10", "DOCK-1", "5", "CS");
        assertLevel("BOLT-M8", "SHELF-A1", "17", "EA");

        JsonNode ledger = rest.getJson("/api/v1/movements?sku=BOLT-M8", token);
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).get("quantity").decimalValue()).isEqualByComparingTo("-3");
        assertThat(ledger.get(0).get("movementType").asText()).isEqualTo("SHELF_PICK");
        assertThat(ledger.get(1).get("quantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(ledger.get(1).get("causeType").asText()).isEqualTo("device-event");
        assertInvariantOk();
    }

    @Test
    void aMalformedEventIsRejectedAndKeptWhileTheGoodOnesArePosted() throws Exception {
        long seq = TestGateway.nextSeq();
        ObjectNode bad = (ObjectNode) TestGateway.movement(SHELF_PLACEMENT, "SHELF-A2", "NUT-M8", "4", "EA").deepCopy();
        bad.remove("warehouse");
        ((ObjectNode) bad.get("lines").get(0)).put("quantity", "plenty");
        String badId = bad.get("eventId").asText();
        ObjectNode batch = TestGateway.batch(seq,
                TestGateway.movement(SHELF_PLACEMENT, "SHELF-A2", "NUT-M8", "10", "EA"),
                bad,
                TestGateway.movement(SHELF_PLACEMENT, "SHELF-A2", "NUT-M8", "2.5", "EA"));

        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        BatchAck ack = gateway.awaitAck(seq);

        assertThat(ack.accepted()).isEqualTo(2);
        assertThat(ack.duplicates()).isZero();
        assertThat(ack.rejected()).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo(badId);
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.reason()).startsWith("malformed event:").hasSizeGreaterThan("malformed event: ".length());
        });
        assertLevel("NUT-M8", "SHELF-A2", "12.5", "EA");

        JsonNode kept = rejection(badId);
        assertThat(kept.get("reason").asText()).isEqualTo(ack.rejected().get(0).reason());
        assertThat(kept.get("batchSeq").asLong()).isEqualTo(seq);
        assertThat(kept.get("index").asInt()).isEqualTo(1);
        assertThat(kept.get("gatewayId").asText()).isEqualTo("gw-1");
        assertThat(kept.get("raw").asText()).isEqualTo(bad.toString());
        assertInvariantOk();
    }

    @Test
    void anUnknownSkuIsRejectedWithItsReason() throws Exception {
        long seq = TestGateway.nextSeq();
        JsonNode unknown = TestGateway.movement(SHELF_PLACEMENT, "SHELF-A3", "NO-SUCH-SKU", "1", "EA");
        JsonNode wrongUnit = TestGateway.movement(SHELF_PLACEMENT, "SHELF-A3", "GLOVE-L", "1", "KG");
        JsonNode wrongPlace = TestGateway.movement(RECEIPT, "NOWHERE-9", "GLOVE-L", "1", "BX");
        ObjectNode batch = TestGateway.batch(seq, unknown,
                TestGateway.movement(SHELF_PLACEMENT, "SHELF-A3", "GLOVE-L", "4", "BX"), wrongUnit, wrongPlace);

        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        BatchAck ack = gateway.awaitAck(seq);

        assertThat(ack.accepted()).isEqualTo(1);
        assertThat(ack.rejected()).extracting(BatchAck.Rejection::index).containsExactly(0, 2, 3);
        assertThat(ack.rejected().get(0).reason()).startsWith("unknown sku NO-SUCH-SKU");
        assertThat(ack.rejected().get(0).eventId()).isEqualTo(unknown.get("eventId").asText());
        assertThat(ack.rejected().get(1).reason()).startsWith("unit mismatch for sku GLOVE-L");
        assertThat(ack.rejected().get(2).reason()).isEqualTo("unknown location NOWHERE-9 in warehouse WH1");
        assertLevel("GLOVE-L", "SHELF-A3", "4", "BX");
        assertThat(rejection(unknown.get("eventId").asText()).get("reason").asText()).startsWith("unknown sku NO-SUCH-SKU");
        assertThat(rest.getJson("/api/v1/stock?sku=NO-SUCH-SKU", token)).isEmpty();

        // Re-delivery of a batch with rejections: the good event is a duplicate, the bad ones are refused again.
        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        BatchAck again = gateway.awaitAck(seq);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.rejected()).hasSize(3);
        assertLevel("GLOVE-L", "SHELF-A3", "4", "BX");
        assertInvariantOk();
    }

    @Test
    void anUnreadableBatchIsKeptWithItsReason() throws Exception {
        String marker = "garbage-" + TestGateway.nextSeq();
        gateway.publishRaw(Topics.Channel.MOVEMENTS, ("{" + marker).getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode all = rest.getJson("/api/v1/ingest/rejections?limit=1000", token);
            assertThat(all).anySatisfy(r -> {
                assertThat(r.get("raw").asText()).isEqualTo("{" + marker);
                assertThat(r.get("reason").asText()).startsWith("batch is not valid JSON");
                assertThat(r.get("eventId").isNull()).isTrue();
            });
        });
    }

    @Test
    void signedQuantitiesAddUpPerLocationAndLot() throws Exception {
        long seq = TestGateway.nextSeq();
        ObjectNode batch = TestGateway.batch(seq,
                TestGateway.movement(RECEIPT, "DOCK-1", "WATER-24", "8", "CS", "LOT-A", List.of()),
                TestGateway.movement(RECEIPT, "DOCK-1", "WATER-24", "3", "CS", "LOT-B", List.of()),
                TestGateway.movement(DISPATCH, "DOCK-1", "WATER-24", "8", "CS", "LOT-A", List.of()));

        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        assertThat(gateway.awaitAck(seq).accepted()).isEqualTo(3);

        // LOT-A went to zero and is omitted; LOT-B remains.
        JsonNode levels = rest.getJson("/api/v1/stock?sku=WATER-24", token);
        assertThat(levels).singleElement().satisfies(l -> {
            assertThat(l.get("lot").asText()).isEqualTo("LOT-B");
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo("3");
        });
        assertInvariantOk();
    }

    private static void assertLevel(String sku, String location, String quantity, String unit) {
        JsonNode levels = rest.getJson("/api/v1/stock?sku=" + sku + "&location=" + location, token);
        assertThat(levels).as("levels of %s at %s", sku, location).singleElement().satisfies(l -> {
            assertThat(l.get("sku").asText()).isEqualTo(sku);
            assertThat(l.get("warehouse").asText()).isEqualTo("WH1");
            assertThat(l.get("location").asText()).isEqualTo(location);
            assertThat(l.get("lot").isNull()).isTrue();
            assertThat(l.get("quantity").isNumber()).isTrue();
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo(new BigDecimal(quantity));
            assertThat(l.get("unit").asText()).isEqualTo(unit);
        });
    }

    private static void assertInvariantOk() {
        JsonNode inv = rest.getJson("/api/v1/inventory/invariant", token);
        assertThat(inv.get("differences")).isEmpty();
        assertThat(inv.get("ok").asBoolean()).isTrue();
    }

    private static JsonNode rejection(String eventId) {
        ArrayNode all = (ArrayNode) rest.getJson("/api/v1/ingest/rejections?limit=1000", token);
        for (JsonNode r : all) {
            if (eventId.equals(r.path("eventId").asText(null))) {
                return r;
            }
        }
        throw new AssertionError("no kept rejection for event " + eventId + " in " + all);
    }
}
