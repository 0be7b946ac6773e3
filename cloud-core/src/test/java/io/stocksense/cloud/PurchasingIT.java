package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.auth.domain.Role;
import io.stocksense.cloud.auth.store.AuthStore;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.event.BatchAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.List;

import static io.stocksense.cloud.BusinessFixtures.line;
import static io.stocksense.cloud.BusinessFixtures.lines;
import static io.stocksense.cloud.BusinessFixtures.order;
import static io.stocksense.cloud.RestApiIT.assertProblem;
import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACCEPTANCE (business flows, purchasing): a PO above the approval threshold cannot be sent without
 * approval by a permitted role; a portal read of items matching an open PO creates a receipt for those
 * lines only, and an unexpected item is flagged, not silently received. Also receipts by hand within
 * tolerance, purchase returns and requisitions.
 */
class PurchasingIT extends CloudITSupport {

    static final String CLERK_PASSWORD = "clerk-password-0123456789";
    static TestGateway gateway;
    static String admin;
    static String clerk;
    static BusinessFixtures biz;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        admin = adminToken();
        new AuthStore(core.dataSource()).setPassword("clerk", CLERK_PASSWORD, Set.of(Role.PURCHASER));
        clerk = rest.token("clerk", CLERK_PASSWORD);
        biz = new BusinessFixtures(rest, admin);
        inv = new InventoryFixtures(rest, admin);
        biz.supplier("ACME", 5);
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void aPurchaseOrderAboveTheThresholdIsSentOnlyAfterAPermittedRoleApprovedIt() {
        // 100 × 12.50 = 1,250.00 EUR, above the EUR threshold of 1,000.00
        JsonNode po = BusinessFixtures.created(biz.post("/api/v1/purchase-orders", order("ACME", null, "BOLT-M8", "100", "12.50"), clerk));
        long id = po.get("id").asLong();
        assertThat(po.get("number").asText()).matches("PO-\\d{6}");
        assertThat(po.get("netTotal").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(po.get("approvalRequired").asBoolean()).isTrue();
        assertThat(po.get("location").asText()).isEqualTo("DOCK-1");

        HttpResponse<String> send = biz.post("/api/v1/purchase-orders/" + id + "/send", null, clerk);
        assertProblem(send, 409);
        assertThat(RestClient.json(send).get("type").asText()).isEqualTo("urn:stocksense:problem:approval-required");

        JsonNode submitted = biz.ok("/api/v1/purchase-orders/" + id + "/submit", null, 200);
        assertThat(submitted.get("status").asText()).isEqualTo("awaiting-approval");
        assertProblem(biz.post("/api/v1/purchase-orders/" + id + "/send", null, clerk), 409);

        HttpResponse<String> clerkApproves = biz.post("/api/v1/purchase-orders/" + id + "/approve", null, clerk);
        assertProblem(clerkApproves, 403);
        assertThat(RestClient.json(clerkApproves).get("missingPermission").asText()).isEqualTo("purchase-orders:approve");
        assertThat(biz.get("/api/v1/purchase-orders/" + id).get("status").asText()).isEqualTo("awaiting-approval");

        JsonNode approved = biz.ok("/api/v1/purchase-orders/" + id + "/approve", null, 200);
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("admin");
        assertThat(approved.get("approvedAt").asText()).isNotBlank();
        HttpResponse<String> sent = biz.post("/api/v1/purchase-orders/" + id + "/send", null, clerk);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(RestClient.json(sent).get("status").asText()).isEqualTo("sent");
        assertThat(RestClient.json(sent).get("sentBy").asText()).isEqualTo("clerk");

        // 80 × 12.50 = 1,000.00: at the threshold the rule approves it, so it can be sent from draft
        JsonNode small = BusinessFixtures.created(biz.post("/api/v1/purchase-orders", order("ACME", null, "NUT-M8", "80", "12.50"), clerk));
        JsonNode smallSent = RestClient.json(biz.post("/api/v1/purchase-orders/" + small.get("id").asLong() + "/send", null, clerk));
        assertThat(smallSent.get("status").asText()).isEqualTo("sent");
        assertThat(smallSent.get("approvedBy").asText()).isEqualTo("rule:below-threshold");
    }

    @Test
    void goodsAreReceivedByHandInPartsWithinToleranceAndReturned() {
        ObjectNode body = order("ACME", "SHELF-A3", "GLOVE-L", "100", "4.00");
        body.put("tolerancePct", 5);
        long id = biz.ok("/api/v1/purchase-orders", body, 201).get("id").asLong();
        biz.ok("/api/v1/purchase-orders/" + id + "/send", null, 200);

        JsonNode receipt = biz.ok("/api/v1/purchase-orders/" + id + "/receipts", lines(1, "60"), 201);
        assertThat(receipt.get("source").asText()).isEqualTo("manual");
        assertThat(biz.get("/api/v1/purchase-orders/" + id).get("status").asText()).isEqualTo("partially-received");
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A3")).isEqualByComparingTo("60");

        HttpResponse<String> over = biz.post("/api/v1/purchase-orders/" + id + "/receipts", lines(1, "46"));
        assertProblem(over, 409);
        assertThat(RestClient.json(over).get("accepts").decimalValue()).isEqualByComparingTo("45");
        assertProblem(biz.post("/api/v1/purchase-orders/" + id + "/receipts", lines(2, "1")), 400);

        biz.ok("/api/v1/purchase-orders/" + id + "/receipts", lines(1, "37"), 201);
        JsonNode po = biz.get("/api/v1/purchase-orders/" + id);
        assertThat(po.get("status").asText()).as("97 of 100 is within 5%").isEqualTo("received");
        assertThat(line(po, 1).get("received").decimalValue()).isEqualByComparingTo("97");
        assertThat(biz.get("/api/v1/purchase-orders/" + id + "/receipts")).hasSize(2);

        JsonNode ret = biz.ok("/api/v1/purchase-orders/" + id + "/returns", lines(1, "7").put("reason", "torn boxes"), 201);
        assertThat(ret.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("7");
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A3")).isEqualByComparingTo("90");
        assertThat(line(biz.get("/api/v1/purchase-orders/" + id), 1).get("returned").decimalValue()).isEqualByComparingTo("7");
        assertProblem(biz.post("/api/v1/purchase-orders/" + id + "/returns", lines(1, "91")), 409);
        assertThat(biz.ok("/api/v1/purchase-orders/" + id + "/close", null, 200).get("status").asText()).isEqualTo("closed");
        inv.assertInvariantOk();
    }

    @Test
    void aPortalReadReceivesTheMatchingOrderLinesOnlyAndFlagsTheUnexpectedItem() throws Exception {
        long id = biz.ok("/api/v1/purchase-orders", order("ACME", null, "INS-PEN-10", "4", "20.00", "VAC-FLU-5", "3", "30.00"), 201)
                .get("id").asLong();
        biz.ok("/api/v1/purchase-orders/" + id + "/send", null, 200);
        List<String> pens = List.of(EpcCodec.encodeSgtin96("04012345123456", 7, 1, 1001), EpcCodec.encodeSgtin96("04012345123456", 7, 1, 1002),
                EpcCodec.encodeSgtin96("04012345123456", 7, 1, 1003), EpcCodec.encodeSgtin96("04012345123456", 7, 1, 1004));
        String yoghurt = EpcCodec.encodeSgtin96("04012345123470", 7, 1, 2001);
        long seq = TestGateway.nextSeq();
        ObjectNode batch = TestGateway.batch(seq,
                TestGateway.movement(RECEIPT, "DOCK-1", "INS-PEN-10", "4", "CS", null, pens),
                TestGateway.movement(RECEIPT, "DOCK-1", "YOG-NAT-6", "1", "CS", null, List.of(yoghurt)));
        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 2, 0, List.of()));
        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        assertThat(gateway.awaitAck(seq)).isEqualTo(new BatchAck(seq, 0, 2, List.of()));

        JsonNode po = biz.get("/api/v1/purchase-orders/" + id);
        assertThat(po.get("status").asText()).isEqualTo("partially-received");
        assertThat(line(po, 1).get("received").decimalValue()).isEqualByComparingTo("4");
        assertThat(line(po, 2).get("received").decimalValue()).isEqualByComparingTo("0");
        JsonNode receipts = biz.get("/api/v1/purchase-orders/" + id + "/receipts");
        assertThat(receipts).as("one receipt, the re-delivered batch adds none").hasSize(1);
        JsonNode r = receipts.get(0);
        assertThat(r.get("source").asText()).isEqualTo("portal");
        assertThat(r.get("deviceId").asText()).isEqualTo("dev-DOCK-1");
        assertThat(r.get("lines")).hasSize(1);
        assertThat(r.get("lines").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(r.get("lines").get(0).get("epcs")).extracting(JsonNode::asText).containsExactlyElementsOf(pens);

        JsonNode flagged = biz.get("/api/v1/inventory/alerts?kind=unexpected-receipt");
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).get("sku").asText()).isEqualTo("YOG-NAT-6");
        assertThat(flagged.get(0).get("detail").get("epcs")).extracting(JsonNode::asText).containsExactly(yoghurt);
        assertThat(flagged.get(0).get("detail").get("reason").asText()).contains("no open purchase order");
        assertThat(inv.level("INS-PEN-10", "WH1", "DOCK-1")).isEqualByComparingTo("4");
        inv.assertInvariantOk();
    }

    @Test
    void aRequisitionBecomesAnOrderLine() {
        ObjectNode req = Json.MAPPER.createObjectNode().put("sku", "TAPE-50").put("warehouse", "WH1").put("quantity", 24)
                .put("supplier", "ACME").put("note", "for the packing bench");
        JsonNode created = biz.ok("/api/v1/requisitions", req, 201);
        assertThat(created.get("status").asText()).isEqualTo("open");
        assertThat(created.get("source").asText()).isEqualTo("manual");
        ObjectNode body = order("ACME", null, "TAPE-50", "24", "1.10");
        body.putArray("requisitions").add(created.get("id").asLong());
        long po = biz.ok("/api/v1/purchase-orders", body, 201).get("id").asLong();
        JsonNode after = biz.get("/api/v1/requisitions/" + created.get("id").asLong());
        assertThat(after.get("status").asText()).isEqualTo("ordered");
        assertThat(after.get("purchaseOrder").asLong()).isEqualTo(po);
        assertProblem(biz.post("/api/v1/purchase-orders", body), 409);
        assertProblem(biz.post("/api/v1/requisitions", req.put("quantity", 0)), 400);
    }
}
