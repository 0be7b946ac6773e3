package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stocksense.cloud.BusinessFixtures.line;
import static io.stocksense.cloud.BusinessFixtures.lines;
import static io.stocksense.cloud.BusinessFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACCEPTANCE (business flows): a month of a small business, March 2026, through the REST API and the
 * portal: suppliers and customers, two POs (one approved above the threshold and received by portal
 * reads, one received partially by hand), sales with a partial shipment, a portal shipment and one
 * return, a POS day, invoices and payments. Every expected figure below is worked out by hand in the
 * comments, not by calling the code under test.
 *
 * <p>Costing: BOLT-M8 moving average, GLOVE-L FIFO. Money rounds half-up to cents per line.
 */
class BusinessMonthIT extends CloudITSupport {

    static TestGateway gateway;
    static String token;
    static BusinessFixtures biz;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() throws Exception {
        gateway = new TestGateway(core.mqttUrl());
        token = adminToken();
        biz = new BusinessFixtures(rest, token);
        inv = new InventoryFixtures(rest, token);
    }

    @AfterAll
    static void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void aMonthOfASmallBusinessEndsWithExactStockCostsProfitBalancesAndABalancedJournal() throws Exception {
        // ---------------------------------------------------------------- master data
        biz.supplier("ACME", 5);
        biz.supplier("BETA", 10);
        biz.customer("SHOP", "5000.00");
        biz.customer("CAFE", null);
        patch("/api/v1/products/BOLT-M8", "{\"salePrice\":{\"amount\":\"3.00\",\"currency\":\"EUR\"}}");
        patch("/api/v1/products/GLOVE-L", "{\"salePrice\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}");
        assertThat(put("/api/v1/costing/GLOVE-L", "{\"method\":\"fifo\"}").get("method").asText()).isEqualTo("fifo");
        biz.ok("/api/v1/locations", Json.MAPPER.createObjectNode().put("warehouse", "WH1").put("code", "QUARANTINE").put("kind", "bin"), 201);

        // ---------------------------------------------------------------- purchasing
        // PO1 ACME at SHELF-A1: BOLT 100 × 1.00 + GLOVE 20 × 5.00 = 200.00, within the threshold: sent at once
        ObjectNode po1Body = order("ACME", "SHELF-A1", "BOLT-M8", "100", "1.00", "GLOVE-L", "20", "5.00");
        po1Body.put("orderDate", "2026-03-02").put("expectedDate", "2026-03-10");
        long po1 = biz.ok("/api/v1/purchase-orders", po1Body, 201).get("id").asLong();
        assertThat(biz.ok("/api/v1/purchase-orders/" + po1 + "/send", null, 200).get("approvedBy").asText()).isEqualTo("rule:below-threshold");
        // PO2 BETA at DOCK-1: BOLT 500 × 1.30 = 650.00 + GLOVE 100 × 6.00 = 600.00 → 1,250.00 > 1,000.00: approval needed
        ObjectNode po2Body = order("BETA", "DOCK-1", "BOLT-M8", "500", "1.30", "GLOVE-L", "100", "6.00");
        po2Body.put("orderDate", "2026-03-02").put("expectedDate", "2026-03-05");
        long po2 = biz.ok("/api/v1/purchase-orders", po2Body, 201).get("id").asLong();
        assertThat(biz.post("/api/v1/purchase-orders/" + po2 + "/send", null).statusCode()).isEqualTo(409);
        biz.ok("/api/v1/purchase-orders/" + po2 + "/submit", null, 200);
        assertThat(biz.ok("/api/v1/purchase-orders/" + po2 + "/approve", null, 200).get("approvedBy").asText()).isEqualTo("admin");
        biz.ok("/api/v1/purchase-orders/" + po2 + "/send", null, 200);

        // 03-03 PO1 received partly by hand: BOLT 60 (of 100), GLOVE 20
        biz.ok("/api/v1/purchase-orders/" + po1 + "/receipts", lines(1, "60", 2, "20").put("date", "2026-03-03"), 201);
        // 03-05 PO2 arrives through the dock portal, with one unexpected case of tape
        portal(MovementType.RECEIPT, "2026-03-05T09:00:00Z", "BOLT-M8", "500", "GLOVE-L", "100", "TAPE-50", "1");
        assertThat(biz.get("/api/v1/purchase-orders/" + po2).get("status").asText()).isEqualTo("received");
        assertThat(biz.get("/api/v1/purchase-orders/" + po2 + "/receipts")).allSatisfy(r -> assertThat(r.get("source").asText()).isEqualTo("portal"));
        assertThat(biz.get("/api/v1/inventory/alerts?kind=unexpected-receipt")).extracting(a -> a.get("sku").asText()).containsExactly("TAPE-50");

        // 03-06 BETA invoices PO2 in full: 1,250.00 + VAT 250.00 = 1,500.00, due in 14 days (03-20)
        JsonNode sinvBeta = biz.ok("/api/v1/supplier-invoices", lines(1, "500", 2, "100").put("purchaseOrder", po2)
                .put("supplierReference", "B-77").put("date", "2026-03-06").put("dueDays", 14), 201);
        assertThat(sinvBeta.get("gross").decimalValue()).isEqualByComparingTo("1500.00");

        // ---------------------------------------------------------------- sales
        // SO1 SHOP from DOCK-1: BOLT 200 × 2.50 − 10% = 450.00 (VAT 90.00); GLOVE 50 × 9.00 = 450.00 (VAT 90.00)
        ObjectNode so1Body = SalesIT.order("SHOP", "DOCK-1", "BOLT-M8", "200", "2.50", "GLOVE-L", "50", "9.00");
        ((ObjectNode) so1Body.get("lines").get(0)).put("discountPct", 10);
        so1Body.put("orderDate", "2026-03-10");
        JsonNode so1 = biz.ok("/api/v1/sales-orders", so1Body, 201);
        long so1Id = so1.get("id").asLong();
        assertThat(so1.get("grossTotal").decimalValue()).isEqualByComparingTo("1080.00");
        biz.ok("/api/v1/sales-orders/" + so1Id + "/confirm", null, 200);
        // 03-11 partial shipment by hand: BOLT 120, GLOVE 30
        JsonNode ship1 = biz.ok("/api/v1/sales-orders/" + so1Id + "/shipments", lines(1, "120", 2, "30").put("date", "2026-03-11"), 201);
        // BOLT average: Q 560 (60 + 500), V 710.00 (60.00 + 650.00): 710.00 × 120 / 560 = 152.142857 → 152.14
        // GLOVE FIFO: 20 × 5.00 + 10 × 6.00 = 160.00
        assertThat(line(ship1, 1).get("cost").decimalValue()).isEqualByComparingTo("152.14");
        assertThat(line(ship1, 2).get("cost").decimalValue()).isEqualByComparingTo("160.00");
        assertThat(biz.get("/api/v1/sales-orders/" + so1Id).get("status").asText()).isEqualTo("partially-shipped");
        // 03-12 the rest leaves through the dock portal
        portal(MovementType.DISPATCH, "2026-03-12T15:00:00Z", "BOLT-M8", "80", "GLOVE-L", "20");
        assertThat(biz.get("/api/v1/sales-orders/" + so1Id).get("status").asText()).isEqualTo("shipped");
        JsonNode portalShipments = biz.get("/api/v1/sales-orders/" + so1Id + "/shipments");
        // BOLT: Q 440, V 557.86 → 557.86 × 80 / 440 = 101.429090 → 101.43; GLOVE: 20 × 6.00 = 120.00
        assertThat(portalShipments).extracting(s -> s.get("source").asText()).containsExactly("manual", "portal", "portal");
        assertThat(portalShipments.get(1).get("lines").get(0).get("cost").decimalValue()).isEqualByComparingTo("101.43");
        assertThat(portalShipments.get(2).get("lines").get(0).get("cost").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(biz.get("/api/v1/inventory/alerts?kind=shrinkage")).isEmpty();
        // 03-14 SHOP returns 5 gloves for inspection: cost 280.00 × 5 / 50 = 28.00, new FIFO layer 5 × 5.60
        JsonNode ret = biz.ok("/api/v1/sales-orders/" + so1Id + "/returns", lines(2, "5").put("inspection", true)
                .put("reason", "torn").put("date", "2026-03-14"), 201);
        assertThat(ret.get("location").asText()).isEqualTo("QUARANTINE");
        assertThat(ret.get("lines").get(0).get("cost").decimalValue()).isEqualByComparingTo("28.00");
        // 03-15 invoice SO1: BOLT 200 → 450.00 + 90.00; GLOVE 45 × 9.00 = 405.00 + 81.00 → 1,026.00, due 04-14
        JsonNode inv1 = invoice(so1Id, "2026-03-15", 30).get(0);
        assertThat(inv1.get("number").asText()).isEqualTo("INV-000001");
        assertThat(inv1.get("net").decimalValue()).isEqualByComparingTo("855.00");
        assertThat(inv1.get("vat").decimalValue()).isEqualByComparingTo("171.00");
        assertThat(inv1.get("gross").decimalValue()).isEqualByComparingTo("1026.00");
        assertThat(biz.get("/api/v1/sales-orders/" + so1Id).get("status").asText()).isEqualTo("completed");

        // SO2 CAFE from SHELF-A1, 03-16: BOLT 40 × 3.00 = 120.00 + 24.00; shipped at once; invoiced due in 10 days (03-26)
        ObjectNode so2Body = SalesIT.order("CAFE", "SHELF-A1", "BOLT-M8", "40", "3.00");
        so2Body.put("orderDate", "2026-03-16");
        long so2Id = biz.ok("/api/v1/sales-orders", so2Body, 201).get("id").asLong();
        biz.ok("/api/v1/sales-orders/" + so2Id + "/confirm", null, 200);
        // BOLT: Q 360, V 456.43 → 456.43 × 40 / 360 = 50.714444 → 50.71
        JsonNode ship2 = biz.ok("/api/v1/sales-orders/" + so2Id + "/shipments", lines(1, "40").put("date", "2026-03-16"), 201);
        assertThat(line(ship2, 1).get("cost").decimalValue()).isEqualByComparingTo("50.71");
        JsonNode inv2 = invoice(so2Id, "2026-03-16", 10).get(0);
        assertThat(inv2.get("number").asText()).isEqualTo("INV-000002");
        assertThat(inv2.get("gross").decimalValue()).isEqualByComparingTo("144.00");

        // 03-18 ACME invoices PO1's receipt, gloves at 5.10 instead of 5.00: 60.00 + 102.00 = 162.00 + VAT 32.40 = 194.40;
        // GRNI cleared at the order price 160.00, price variance 2.00; due 04-17
        ObjectNode sinvAcme = lines(1, "60", 2, "20").put("purchaseOrder", po1).put("date", "2026-03-18");
        ((ObjectNode) sinvAcme.get("lines").get(1)).put("unitPrice", "5.10");
        assertThat(biz.ok("/api/v1/supplier-invoices", sinvAcme, 201).get("gross").decimalValue()).isEqualByComparingTo("194.40");

        // ---------------------------------------------------------------- a POS day, 03-20, at SHELF-A1
        // Sale A: BOLT scanned 3 times (3 × 3.00 = 9.00) + GLOVE −10% (9.00): net 18.00, VAT 3.60, 21.60; cash 30.00 → change 8.40
        // COGS: BOLT Q 320 V 405.72 → 405.72 × 3 / 320 = 3.80362 → 3.80; GLOVE FIFO oldest layer 6.00
        JsonNode saleA = pos("{\"warehouse\":\"WH1\",\"location\":\"SHELF-A1\",\"date\":\"2026-03-20\",\"lines\":["
                + "{\"barcode\":\"4012345300017\"},{\"barcode\":\"4012345300017\"},{\"barcode\":\"04012345300017\"},"
                + "{\"barcode\":\"4012345400014\",\"discountPct\":10}],\"payments\":[{\"method\":\"cash\",\"amount\":\"30.00\"}]}");
        assertThat(saleA.get("gross").decimalValue()).isEqualByComparingTo("21.60");
        assertThat(saleA.get("change").decimalValue()).isEqualByComparingTo("8.40");
        assertThat(saleA.get("lines")).hasSize(2);
        assertThat(saleA.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(saleA.get("receipt").toString()).contains("TOTAL EUR", "21.60", "Change", "8.40");
        System.out.println("POS receipt:\n" + String.join("\n", Json.MAPPER.convertValue(saleA.get("receipt"), String[].class)));
        // Sale B: BOLT × 10, 5% off the sale: 28.50 + 5.70 = 34.20; card 20.00 + cash 20.00 → change 5.80
        // COGS: Q 317 V 401.92 → 401.92 × 10 / 317 = 12.678864 → 12.68
        JsonNode saleB = pos("{\"warehouse\":\"WH1\",\"location\":\"SHELF-A1\",\"date\":\"2026-03-20\",\"discountPct\":5,"
                + "\"lines\":[{\"barcode\":\"4012345300017\",\"quantity\":10}],"
                + "\"payments\":[{\"method\":\"card\",\"amount\":\"20.00\"},{\"method\":\"cash\",\"amount\":\"20.00\"}]}");
        assertThat(saleB.get("gross").decimalValue()).isEqualByComparingTo("34.20");
        assertThat(saleB.get("change").decimalValue()).isEqualByComparingTo("5.80");
        assertThat(saleB.get("lines").get(0).get("cogs").decimalValue()).isEqualByComparingTo("12.68");
        biz.ok("/api/v1/purchase-orders/" + po1 + "/close", null, 200); // the other 40 bolts will not come

        // ---------------------------------------------------------------- payments
        assertThat(biz.ok("/api/v1/payments", Json.MAPPER.createObjectNode().put("direction", "out").put("party", "BETA")
                .put("amount", "1000.00").put("currency", "EUR").put("date", "2026-03-25"), 201).get("allocations").get(0)
                .get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        biz.ok("/api/v1/payments", Json.MAPPER.createObjectNode().put("direction", "in").put("party", "SHOP").put("amount", "1026.00")
                .put("currency", "EUR").put("date", "2026-03-28"), 201);
        assertThat(biz.post("/api/v1/payments", Json.MAPPER.createObjectNode().put("direction", "in").put("party", "SHOP")
                .put("amount", "0.01").put("currency", "EUR")).statusCode()).as("SHOP owes nothing more").isEqualTo(409);

        assertMonthEnd(po1, so1Id);
    }

    private void assertMonthEnd(long po1, long so1Id) {
        // ---------------------------------------------------------------- stock
        // BOLT: SHELF-A1 60 − 40 − 3 − 10 = 7; DOCK-1 500 − 120 − 80 = 300. GLOVE: SHELF-A1 20 − 1 = 19; DOCK-1 100 − 30 − 20 = 50;
        // QUARANTINE 5. TAPE: DOCK-1 1 (seen by the portal, received against no order)
        assertThat(inv.level("BOLT-M8", "WH1", "SHELF-A1")).isEqualByComparingTo("7");
        assertThat(inv.level("BOLT-M8", "WH1", "DOCK-1")).isEqualByComparingTo("300");
        assertThat(inv.level("GLOVE-L", "WH1", "SHELF-A1")).isEqualByComparingTo("19");
        assertThat(inv.level("GLOVE-L", "WH1", "DOCK-1")).isEqualByComparingTo("50");
        assertThat(inv.level("GLOVE-L", "WH1", "QUARANTINE")).isEqualByComparingTo("5");
        assertThat(inv.level("TAPE-50", "WH1", "DOCK-1")).isEqualByComparingTo("1");
        inv.assertInvariantOk();
        JsonNode po = biz.get("/api/v1/purchase-orders/" + po1);
        assertThat(po.get("status").asText()).isEqualTo("closed");
        assertThat(line(po, 1).get("received").decimalValue()).isEqualByComparingTo("60");

        // ---------------------------------------------------------------- costing
        // BOLT average: Q 307, V 401.92 − 12.68 = 389.24. GLOVE FIFO: 69 × 6.00 + 5 × 5.60 = 442.00
        JsonNode bolt = biz.get("/api/v1/costing/BOLT-M8");
        assertThat(bolt.get("method").asText()).isEqualTo("average");
        assertThat(bolt.get("quantity").decimalValue()).isEqualByComparingTo("307");
        assertThat(bolt.get("value").decimalValue()).isEqualByComparingTo("389.24");
        assertThat(bolt.get("unitCost").decimalValue()).isEqualByComparingTo("1.2679"); // 389.24 / 307 = 1.267882
        JsonNode glove = biz.get("/api/v1/costing/GLOVE-L");
        assertThat(glove.get("quantity").decimalValue()).isEqualByComparingTo("74");
        assertThat(glove.get("value").decimalValue()).isEqualByComparingTo("442.00");
        assertThat(glove.get("layers")).extracting(l -> l.get("quantityLeft").decimalValue().intValue() + "@"
                + l.get("unitCost").decimalValue().stripTrailingZeros().toPlainString()).containsExactly("69@6", "5@5.6");

        // ---------------------------------------------------------------- gross profit per line
        Map<String, String> gp = new HashMap<>();
        biz.get("/api/v1/reports/gross-profit?from=2026-03-01&to=2026-03-31").forEach(r -> gp.put(r.get("document").asText() + "/"
                + r.get("line").asInt(), r.get("revenue").decimalValue().toPlainString() + " - " + r.get("costOfGoodsSold")
                .decimalValue().toPlainString() + " = " + r.get("grossProfit").decimalValue().toPlainString()));
        assertThat(gp).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SO-000001/1", "450.00 - 253.57 = 196.43",   // COGS 152.14 + 101.43
                "SO-000001/2", "405.00 - 252.00 = 153.00",   // COGS 160.00 + 120.00 − 28.00 returned
                "SO-000002/1", "120.00 - 50.71 = 69.29",
                "POS-000001/1", "9.00 - 3.80 = 5.20",
                "POS-000001/2", "9.00 - 6.00 = 3.00",
                "POS-000002/1", "28.50 - 12.68 = 15.82"));

        // ---------------------------------------------------------------- AR / AP and ageing at 03-31
        JsonNode ar = biz.get("/api/v1/reports/ar-ageing?asOf=2026-03-31");
        assertThat(ar.get("parties")).hasSize(1);
        assertThat(ar.get("parties").get(0).get("party").asText()).isEqualTo("CAFE");
        assertThat(ar.get("parties").get(0).get("days1to30").decimalValue()).isEqualByComparingTo("144.00"); // due 03-26
        assertThat(ar.get("total").get("total").decimalValue()).isEqualByComparingTo("144.00");
        JsonNode ap = biz.get("/api/v1/reports/ap-ageing?asOf=2026-03-31");
        Map<String, JsonNode> apBy = new HashMap<>();
        ap.get("parties").forEach(p -> apBy.put(p.get("party").asText(), p));
        assertThat(apBy.get("BETA").get("days1to30").decimalValue()).isEqualByComparingTo("500.00"); // due 03-20, 1,500 − 1,000
        assertThat(apBy.get("ACME").get("current").decimalValue()).isEqualByComparingTo("194.40");   // due 04-17
        assertThat(ap.get("total").get("total").decimalValue()).isEqualByComparingTo("694.40");

        // ---------------------------------------------------------------- the journal
        JsonNode tb = biz.get("/api/v1/reports/trial-balance?from=2026-03-01&to=2026-03-31");
        // 160 + 1,250 + 1,500 + 312.14 + 221.43 + 28 + 1,026 + 194.71 + 194.40 + 31.40 + 46.88 + 1,000 + 1,026
        assertThat(tb.get("totalDebit").decimalValue()).isEqualByComparingTo("6990.96");
        assertThat(tb.get("totalCredit").decimalValue()).isEqualByComparingTo("6990.96");
        assertThat(tb.get("balanced").asBoolean()).isTrue();
        Map<String, String> balances = new HashMap<>();
        tb.get("accounts").forEach(a -> balances.put(a.get("account").asText(), a.get("balance").decimalValue().toPlainString()));
        assertThat(balances).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("1000", "35.80"),    // cash 21.60 + 14.20
                Map.entry("1010", "26.00"),    // bank 1,026.00 − 1,000.00
                Map.entry("1020", "20.00"),    // card
                Map.entry("1100", "144.00"),   // receivables: CAFE
                Map.entry("1200", "831.24"),   // inventory = 389.24 + 442.00
                Map.entry("1300", "282.40"),   // VAT input 250.00 + 32.40
                Map.entry("2000", "694.40"),   // payables
                Map.entry("2100", "0.00"),     // GRNI: 1,410.00 received, 1,410.00 invoiced
                Map.entry("2200", "204.30"),   // VAT output 171.00 + 24.00 + 3.60 + 5.70
                Map.entry("4000", "1021.50"),  // revenue 855.00 + 120.00 + 18.00 + 28.50
                Map.entry("5000", "578.76"),   // COGS 606.76 − 28.00
                Map.entry("5100", "2.00")));   // price variance
        JsonNode pl = biz.get("/api/v1/reports/profit-and-loss?from=2026-03-01&to=2026-03-31");
        assertThat(pl.get("grossProfit").decimalValue()).isEqualByComparingTo("440.74");
        assertThat(pl.get("netIncome").decimalValue()).isEqualByComparingTo("440.74");
        JsonNode bs = biz.get("/api/v1/reports/balance-summary?asOf=2026-03-31");
        assertThat(bs.get("assets").decimalValue()).isEqualByComparingTo("1339.44");
        assertThat(bs.get("liabilities").decimalValue()).isEqualByComparingTo("898.70");
        assertThat(bs.get("equity").decimalValue()).isEqualByComparingTo("440.74");
        assertThat(bs.get("balanced").asBoolean()).isTrue();
        for (JsonNode e : biz.get("/api/v1/journal?from=2026-03-01&to=2026-03-31")) {
            BigDecimal d = BigDecimal.ZERO;
            BigDecimal c = BigDecimal.ZERO;
            for (JsonNode l : e.get("lines")) {
                d = d.add(l.get("debit").decimalValue());
                c = c.add(l.get("credit").decimalValue());
            }
            assertThat(d).as("entry %s", e.get("docRef").asText()).isEqualByComparingTo(c);
        }
        System.out.println("month end: trial balance " + tb.get("totalDebit") + " = " + tb.get("totalCredit")
                + ", gross profit " + pl.get("grossProfit") + ", " + gp);
    }

    private static JsonNode pos(String body) {
        return biz.ok("/api/v1/pos/sales", readTree(body), 201);
    }

    private static JsonNode readTree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode invoice(long soId, String date, int dueDays) {
        return biz.ok("/api/v1/invoices", Json.MAPPER.createObjectNode().put("salesOrder", soId).put("date", date)
                .put("dueDays", dueDays), 201);
    }

    private static void patch(String path, String body) {
        assertThat(rest.request("PATCH", path, token, body).statusCode()).isEqualTo(200);
    }

    private static JsonNode put(String path, String body) {
        java.net.http.HttpResponse<String> r = rest.request("PUT", path, token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RestClient.json(r);
    }

    /** One portal movement per SKU (sku, quantity pairs) at DOCK-1, seen by the device at {@code at}. */
    private static void portal(MovementType type, String at, String... skuQty) throws Exception {
        long seq = TestGateway.nextSeq();
        ArrayNode events = Json.MAPPER.createArrayNode();
        for (int i = 0; i < skuQty.length; i += 2) {
            String unit = skuQty[i].equals("GLOVE-L") ? "BX" : "EA";
            StockMovement m = new StockMovement(UUID.randomUUID().toString(), null, "portal-dock1", TestGateway.nextSeq(),
                    Instant.parse(at), Instant.now(), ClockSync.SYNCED, type, "WH1", "DOCK-1",
                    List.of(new MovementLine(skuQty[i], null, new BigDecimal(skuQty[i + 1]), unit, null, List.of())), null, List.of());
            events.add(Json.MAPPER.valueToTree(m));
        }
        ObjectNode batch = TestGateway.batch(seq);
        batch.set("events", events);
        gateway.publish(Topics.Channel.MOVEMENTS, batch);
        BatchAck ack = gateway.awaitAck(seq);
        assertThat(ack.rejected()).as("ack %s", ack).isEmpty();
        assertThat(ack.accepted()).isEqualTo(skuQty.length / 2);
    }
}
