package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.stocksense.cloud.BusinessFixtures.lines;
import static io.stocksense.cloud.BusinessFixtures.order;
import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase return after the supplier invoiced part of the goods gives a supplier debit note for
 * that part (and clears GRNI for the rest); supplier and customer statements read the journal, and a
 * party's own statement lines are reconciled against ours (matched, amount differences, only theirs,
 * only ours).
 */
class PartyStatementsIT extends CloudITSupport {

    static String token;
    static BusinessFixtures biz;

    @BeforeAll
    static void setUp() {
        token = adminToken();
        biz = new BusinessFixtures(rest, token);
        biz.supplier("BETA", 10);
        biz.customer("SHOP", null);
    }

    @Test
    void aReturnOfInvoicedGoodsGivesADebitNoteAndTheSupplierStatementReconciles() {
        // BOLT 100 × 1.30 = 130.00, GLOVE 20 × 5.00 = 100.00, received 04-01
        long po = biz.ok("/api/v1/purchase-orders", order("BETA", "SHELF-A3", "BOLT-M8", "100", "1.30", "GLOVE-L", "20", "5.00"), 201)
                .get("id").asLong();
        biz.ok("/api/v1/purchase-orders/" + po + "/send", null, 200);
        biz.ok("/api/v1/purchase-orders/" + po + "/receipts", lines(1, "100", 2, "20").put("date", "2026-04-01"), 201);
        // 04-02 BETA invoices BOLT 100 and 15 of the gloves at 5.10: 130.00 + 76.50 = 206.50 + VAT 41.30 = 247.80
        ObjectNode sinv = lines(1, "100", 2, "15").put("purchaseOrder", po).put("supplierReference", "B-100").put("date", "2026-04-02");
        ((ObjectNode) sinv.get("lines").get(1)).put("unitPrice", "5.10");
        assertThat(biz.ok("/api/v1/supplier-invoices", sinv, 201).get("gross").decimalValue()).isEqualByComparingTo("247.80");
        biz.ok("/api/v1/payments", payment("out", "BETA", "200.00", "2026-04-05", "TRF-1"), 201);

        // 04-06 8 gloves go back: 5 not yet invoiced (GRNI 5 × 5.00 = 25.00), 3 invoiced → debit note
        // 3 × 5.10 = 15.30 + VAT 3.06 = 18.36; their cost 3 × 5.00 = 15.00, price variance 0.30 undone
        long ret = biz.ok("/api/v1/purchase-orders/" + po + "/returns", lines(2, "8").put("reason", "wrong size")
                .put("date", "2026-04-06"), 201).get("id").asLong();
        assertThat(biz.journalEntry("purchase-return:" + ret)).isEqualTo(Map.of("2100", "25.00", "1200", "-25.00"));
        JsonNode note = null;
        for (JsonNode i : biz.get("/api/v1/supplier-invoices?supplier=BETA")) {
            if (i.get("kind").asText().equals("debit-note")) {
                note = i;
            }
        }
        assertThat(note).as("debit note of BETA").isNotNull();
        assertThat(note.get("number").asText()).isEqualTo("SDN-000001");
        assertThat(note.get("net").decimalValue()).isEqualByComparingTo("-15.30");
        assertThat(note.get("vat").decimalValue()).isEqualByComparingTo("-3.06");
        assertThat(note.get("gross").decimalValue()).isEqualByComparingTo("-18.36");
        assertThat(note.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("-3");
        assertThat(note.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("5.10");
        assertThat(biz.journalEntry("SDN-000001")).isEqualTo(Map.of("2000", "18.36", "1200", "-15.00", "1300", "-3.06", "5100", "-0.30"));
        // GLOVE: 20 received − 8 returned − (15 − 3) invoiced: nothing left to invoice
        assertProblem(biz.post("/api/v1/supplier-invoices", lines(2, "1").put("purchaseOrder", po)), 409);
        JsonNode glove = biz.get("/api/v1/costing/GLOVE-L");
        assertThat(glove.get("quantity").decimalValue()).isEqualByComparingTo("12");
        assertThat(glove.get("value").decimalValue()).isEqualByComparingTo("60.00");
        biz.ok("/api/v1/payments", payment("out", "BETA", "10.00", "2026-04-10", "TRF-2"), 201);

        // statement: 247.80 − 200.00 − 18.36 − 10.00 = 19.44
        JsonNode st = biz.get("/api/v1/suppliers/BETA/statement?from=2026-04-01&to=2026-04-30");
        assertThat(st.get("openingBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(rows(st)).containsExactly(
                "2026-04-02 supplier-invoice SINV-000001 B-100 247.80 = 247.80",
                "2026-04-05 supplier-payment PAY-000001 TRF-1 -200.00 = 47.80",
                "2026-04-06 debit-note SDN-000001 null -18.36 = 29.44",
                "2026-04-10 supplier-payment PAY-000002 TRF-2 -10.00 = 19.44");
        assertThat(st.get("closingBalance").decimalValue()).isEqualByComparingTo("19.44");
        JsonNode later = biz.get("/api/v1/suppliers/BETA/statement?from=2026-04-03&to=2026-04-06");
        assertThat(later.get("openingBalance").decimalValue()).isEqualByComparingTo("247.80");
        assertThat(later.get("lines")).hasSize(2);
        assertThat(later.get("closingBalance").decimalValue()).isEqualByComparingTo("29.44");
        assertThat(biz.get("/api/v1/reports/ap-ageing?asOf=2026-04-30").get("total").get("total").decimalValue())
                .isEqualByComparingTo("19.44");
        assertThat(balances().get("2100")).as("GRNI: 230.00 received − 205.00 invoiced − 25.00 returned").isEqualByComparingTo("0");

        // BETA's own statement: the invoice as we have it, the payment at 190.00, its credit note under its own
        // reference (same amount and date as our debit note), and an invoice we never got; our 04-10 payment is missing
        ObjectNode theirs = Json.MAPPER.createObjectNode().put("from", "2026-04-01").put("to", "2026-04-30");
        ArrayNode l = theirs.putArray("lines");
        l.addObject().put("reference", "B-100").put("date", "2026-04-02").put("amount", "247.80");
        l.addObject().put("reference", "TRF-1").put("date", "2026-04-05").put("amount", "-190.00");
        l.addObject().put("reference", "CN-55").put("date", "2026-04-06").put("amount", "-18.36");
        l.addObject().put("reference", "B-101").put("date", "2026-04-20").put("amount", "99.00");
        JsonNode rec = biz.ok("/api/v1/suppliers/BETA/statement/reconciliation", theirs, 200);
        assertThat(rec.get("matched")).extracting(m -> m.get("theirs").get("reference").asText() + " ~ "
                + m.get("ours").get("document").asText() + " by " + m.get("by").asText())
                .containsExactly("B-100 ~ SINV-000001 by reference", "CN-55 ~ SDN-000001 by amount-and-date");
        assertThat(rec.get("amountDifferences")).hasSize(1);
        assertThat(rec.get("amountDifferences").get(0).get("ours").get("document").asText()).isEqualTo("PAY-000001");
        assertThat(rec.get("amountDifferences").get(0).get("difference").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(rec.get("onlyTheirs")).extracting(t -> t.get("reference").asText()).containsExactly("B-101");
        assertThat(rec.get("onlyOurs")).extracting(t -> t.get("document").asText()).containsExactly("PAY-000002");
        assertThat(rec.get("theirTotal").decimalValue()).isEqualByComparingTo("138.44");
        assertThat(rec.get("ourTotal").decimalValue()).isEqualByComparingTo("19.44");
        assertThat(rec.get("difference").decimalValue()).isEqualByComparingTo("119.00");
        assertThat(rec.get("reconciled").asBoolean()).isFalse();
        System.out.println("BETA reconciliation: matched " + rec.get("matched").size() + ", differences "
                + rec.get("amountDifferences").size() + ", only theirs " + rec.get("onlyTheirs").size() + ", only ours "
                + rec.get("onlyOurs").size() + ", their total " + rec.get("theirTotal") + " vs ours " + rec.get("ourTotal"));

        assertProblem(rest.request("GET", "/api/v1/suppliers/NOBODY/statement", token, null), 404);
        ObjectNode undated = Json.MAPPER.createObjectNode();
        undated.putArray("lines").addObject().put("reference", "X").put("amount", "1.00");
        assertProblem(biz.post("/api/v1/suppliers/BETA/statement/reconciliation", undated), 400);
        assertThat(biz.get("/api/v1/reports/trial-balance").get("balanced").asBoolean()).isTrue();
    }

    @Test
    void aCustomerStatementReconcilesWithTheCustomersOwnLines() {
        InventoryFixtures inv = new InventoryFixtures(rest, token);
        inv.stock("NUT-M8", "WH1", "SHELF-A2", "10");
        ObjectNode so = SalesIT.order("SHOP", "SHELF-A2", "NUT-M8", "10", "3.00");
        long id = biz.ok("/api/v1/sales-orders", so, 201).get("id").asLong();
        biz.ok("/api/v1/sales-orders/" + id + "/confirm", null, 200);
        biz.ok("/api/v1/sales-orders/" + id + "/shipments", lines(1, "10").put("date", "2026-04-07"), 201);
        // 30.00 + VAT 6.00 = 36.00, then 20.00 paid
        String number = biz.ok("/api/v1/invoices", Json.MAPPER.createObjectNode().put("salesOrder", id).put("date", "2026-04-08"), 201)
                .get(0).get("number").asText();
        biz.ok("/api/v1/payments", payment("in", "SHOP", "20.00", "2026-04-09", "SHOP-PAY"), 201);
        JsonNode st = biz.get("/api/v1/customers/SHOP/statement?from=2026-04-01");
        assertThat(st.get("account").asText()).isEqualTo("1100");
        assertThat(rows(st)).containsExactly("2026-04-08 invoice " + number + " null 36.00 = 36.00",
                "2026-04-09 customer-payment RCPT-000001 SHOP-PAY -20.00 = 16.00");
        ObjectNode theirs = Json.MAPPER.createObjectNode();
        ArrayNode l = theirs.putArray("lines");
        l.addObject().put("reference", number).put("date", "2026-04-08").put("amount", "36.00");
        l.addObject().put("reference", "SHOP-PAY").put("date", "2026-04-09").put("amount", "-20.00");
        JsonNode rec = biz.ok("/api/v1/customers/SHOP/statement/reconciliation", theirs, 200);
        assertThat(rec.get("matched")).hasSize(2);
        assertThat(rec.get("reconciled").asBoolean()).isTrue();
    }

    private static ObjectNode payment(String direction, String party, String amount, String date, String reference) {
        return Json.MAPPER.createObjectNode().put("direction", direction).put("party", party).put("amount", amount)
                .put("currency", "EUR").put("date", date).put("reference", reference);
    }

    private static List<String> rows(JsonNode statement) {
        List<String> out = new ArrayList<>();
        statement.get("lines").forEach(r -> out.add(r.get("date").asText() + " " + r.get("type").asText() + " "
                + r.get("document").asText() + " " + (r.hasNonNull("reference") ? r.get("reference").asText() : "null") + " "
                + r.get("amount").decimalValue().toPlainString() + " = " + r.get("balance").decimalValue().toPlainString()));
        return out;
    }

    private static Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> out = new HashMap<>();
        biz.get("/api/v1/reports/trial-balance").get("accounts").forEach(a -> out.put(a.get("account").asText(),
                a.get("balance").decimalValue()));
        return out;
    }
}
