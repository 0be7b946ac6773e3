package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.stocksense.cloud.BusinessFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACCEPTANCE (business flows, forecast): the forecast's backtest error on a seasonal demo history is
 * printed next to its suggestion, and the suggestion reaches a requisition (and from there an order).
 */
class ForecastIT extends CloudITSupport {

    static final double[] WEEK = {10, 12, 11, 13, 20, 30, 5};
    static final LocalDate AS_OF = LocalDate.parse("2026-04-06");
    static BusinessFixtures biz;
    static InventoryFixtures inv;

    @BeforeAll
    static void setUp() {
        String token = adminToken();
        biz = new BusinessFixtures(rest, token);
        inv = new InventoryFixtures(rest, token);
        biz.supplier("DAIRY", 5);
    }

    @Test
    void aSeasonalHistoryGivesASuggestionWithItsBacktestErrorThatBecomesARequisition() {
        // eight weeks of yoghurt demand before AS_OF, with a weekly pattern and a small wobble
        ObjectNode history = Json.MAPPER.createObjectNode().put("sku", "YOG-NAT-6").put("warehouse", "WH1")
                .put("start", AS_OF.minusDays(56).toString());
        ArrayNode q = history.putArray("quantities");
        for (int i = 0; i < 56; i++) {
            q.add(String.valueOf(WEEK[i % 7] + ((i * 7919) % 5 - 2) * 0.5));
        }
        assertThat(biz.ok("/api/v1/forecast/history", history, 201).get("days").asInt()).isEqualTo(56);
        inv.stock("YOG-NAT-6", "WH1", "COLD-A1", "20");
        // the supplier of the latest order sets the lead time (5 days); a cancelled order is not on order
        long po = biz.ok("/api/v1/purchase-orders", order("DAIRY", null, "YOG-NAT-6", "1", "0.80"), 201).get("id").asLong();
        biz.ok("/api/v1/purchase-orders/" + po + "/cancel", null, 200);

        JsonNode suggestions = biz.get("/api/v1/forecast/suggestions?warehouse=WH1&asOf=" + AS_OF);
        assertThat(suggestions).hasSize(1);
        JsonNode s = suggestions.get(0);
        JsonNode bt = s.get("backtest");
        System.out.printf("FORECAST %s %s: next 7 days %s | backtest over %d days: MASE %s, MAPE %s%%, RMSE %s"
                        + " | lead time %d d, demand %s + safety %s = reorder point %s, position %s -> suggest %s%n",
                s.get("sku").asText(), s.get("method").asText(), s.get("forecastNext7Days"), bt.get("holdoutDays").asInt(),
                bt.get("mase"), bt.get("mape"), bt.get("rmse"), s.get("leadTimeDays").asInt(), s.get("demandOverLeadTime"),
                s.get("safetyStock"), s.get("reorderPoint"), s.get("position"), s.get("suggestedQuantity"));
        assertThat(s.get("method").asText()).isEqualTo("holt-winters");
        assertThat(s.get("supplier").asText()).isEqualTo("DAIRY");
        assertThat(s.get("leadTimeDays").asInt()).isEqualTo(5);
        assertThat(bt.get("mase").decimalValue()).isPositive().isLessThan(java.math.BigDecimal.ONE);
        assertThat(bt.get("mape").decimalValue()).isPositive();
        // 5 days ahead from AS_OF (a Monday-like day 0 of the pattern): about 10 + 12 + 11 + 13 + 20 = 66
        assertThat(s.get("demandOverLeadTime").decimalValue().doubleValue()).isBetween(60.0, 72.0);
        assertThat(s.get("reorderPoint").decimalValue()).isGreaterThan(s.get("demandOverLeadTime").decimalValue());
        assertThat(s.get("position").decimalValue()).isEqualByComparingTo("20");
        assertThat(s.get("suggestedQuantity").decimalValue().signum()).isPositive();

        JsonNode reqs = biz.ok("/api/v1/forecast/requisitions", Json.MAPPER.createObjectNode().put("warehouse", "WH1")
                .put("asOf", AS_OF.toString()), 201);
        assertThat(reqs).hasSize(1);
        JsonNode r = reqs.get(0);
        assertThat(r.get("source").asText()).isEqualTo("forecast");
        assertThat(r.get("supplier").asText()).isEqualTo("DAIRY");
        assertThat(r.get("quantity").decimalValue()).isEqualByComparingTo(s.get("suggestedQuantity").decimalValue());
        assertThat(r.get("detail").get("backtest").get("mase").decimalValue()).isEqualByComparingTo(bt.get("mase").decimalValue());
        assertThat(r.get("note").asText()).contains("holt-winters", "MASE");
        assertThat(biz.ok("/api/v1/forecast/requisitions", Json.MAPPER.createObjectNode().put("warehouse", "WH1")
                .put("asOf", AS_OF.toString()), 201)).as("an open requisition is not suggested twice").isEmpty();

        ObjectNode fromReq = order("DAIRY", null, "YOG-NAT-6", r.get("quantity").asText(), "0.80");
        fromReq.putArray("requisitions").add(r.get("id").asLong());
        long ordered = biz.ok("/api/v1/purchase-orders", fromReq, 201).get("id").asLong();
        assertThat(biz.get("/api/v1/requisitions/" + r.get("id").asLong()).get("purchaseOrder").asLong()).isEqualTo(ordered);
    }
}
