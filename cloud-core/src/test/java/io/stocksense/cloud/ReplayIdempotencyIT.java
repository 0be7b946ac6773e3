package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.stocksense.protocol.event.MovementType.DISPATCH;
import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static io.stocksense.protocol.event.MovementType.SHELF_PICK;
import static io.stocksense.protocol.event.MovementType.SHELF_PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device movements replayed: every batch published a second time changes nothing (stock, ledger,
 * alerts, invariant). A pick the shelf saw beyond the ledger's stock is posted anyway (a fact) and
 * raises one negative-stock alert, which the replay does not repeat.
 */
class ReplayIdempotencyIT extends CloudITSupport {

    @Test
    void everyBatchTwiceCountsOnce() throws Exception {
        String token = adminToken();
        InventoryFixtures inv = new InventoryFixtures(rest, token);
        List<ObjectNode> batches = List.of(
                TestGateway.batch(TestGateway.nextSeq(),
                        TestGateway.movement(RECEIPT, "DOCK-1", "WATER-24", "12", "CS"),
                        TestGateway.movement(SHELF_PLACEMENT, "SHELF-A1", "BOLT-M8", "30", "EA")),
                TestGateway.batch(TestGateway.nextSeq(),
                        TestGateway.movement(SHELF_PICK, "SHELF-A1", "BOLT-M8", "7", "EA"),
                        TestGateway.movement(DISPATCH, "DOCK-1", "WATER-24", "5", "CS")),
                TestGateway.batch(TestGateway.nextSeq(),
                        TestGateway.movement(SHELF_PICK, "SHELF-A2", "NUT-M8", "4", "EA")));

        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            for (ObjectNode b : batches) {
                gw.publish(Topics.Channel.MOVEMENTS, b);
                BatchAck ack = gw.awaitAck(b.get("batchSeq").asLong());
                assertThat(ack.accepted()).isEqualTo(b.get("events").size());
            }
            State first = state(token);
            assertThat(first.ledgerRows).isEqualTo(5);
            assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("23");
            assertThat(inv.level("WATER-24", "WH1", "DOCK-1")).isEqualByComparingTo("7");
            assertThat(inv.level("NUT-M8", "WH1", "SHELF-A2")).isEqualByComparingTo("-4");
            // the DISPATCH with no shipment is shrinkage, the portal RECEIPT no purchase order expects an
            // unexpected-receipt; replays must not repeat any alert
            assertThat(first.alerts).extracting(a -> a.get("kind").asText())
                    .containsExactlyInAnyOrder("negative-stock", "shrinkage", "unexpected-receipt");
            assertThat(first.alerts).filteredOn(a -> a.get("kind").asText().equals("negative-stock")).singleElement().satisfies(a -> {
                assertThat(a.get("sku").asText()).isEqualTo("NUT-M8");
                assertThat(a.get("location").asText()).isEqualTo("SHELF-A2");
                assertThat(a.get("detail").get("level").decimalValue()).isEqualByComparingTo("-4");
                assertThat(a.get("detail").get("eventId").asText())
                        .isEqualTo(batches.get(2).get("events").get(0).get("eventId").asText());
            });
            inv.assertInvariantOk();

            for (ObjectNode b : batches) {
                gw.publish(Topics.Channel.MOVEMENTS, b);
                BatchAck ack = gw.awaitAck(b.get("batchSeq").asLong());
                assertThat(ack.accepted()).isZero();
                assertThat(ack.duplicates()).isEqualTo(b.get("events").size());
            }
            State second = state(token);
            assertThat(second.stock).isEqualTo(first.stock);
            assertThat(second.ledgerRows).isEqualTo(first.ledgerRows);
            assertThat(second.alerts).isEqualTo(first.alerts);
            inv.assertInvariantOk();
        }
    }

    private static State state(String token) {
        JsonNode alerts = rest.getJson("/api/v1/inventory/alerts", token);
        List<JsonNode> list = new ArrayList<>();
        alerts.forEach(list::add);
        return new State(rest.getJson("/api/v1/stock", token), rest.getJson("/api/v1/movements?limit=1000", token).size(), list);
    }

    private record State(JsonNode stock, int ledgerRows, List<JsonNode> alerts) {
    }
}
