package io.stocksense.cloud.forecast.web;

import io.stocksense.cloud.documents.DocumentHttp;
import io.stocksense.cloud.forecast.store.ForecastStore;
import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.inventory.web.Writes;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Forecast over REST: {@code POST /api/v1/forecast/history} (import daily demand),
 * {@code GET /api/v1/forecast/suggestions?warehouse=&asOf=&sku=} (forecast, backtest error, reorder
 * point, suggested quantity per SKU) and {@code POST /api/v1/forecast/requisitions} (suggestions to
 * requisitions).
 */
public final class ForecastRoutes {

    private final ForecastStore store;

    public ForecastRoutes(ForecastStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/forecast/history", "forecast:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            String sku = b.required("sku");
            String warehouse = b.required("warehouse");
            LocalDate start = b.date("start");
            if (start == null) {
                throw new BadParameterException("start is required (the ISO date of the first quantity)");
            }
            List<BigDecimal> quantities = b.strings("quantities").stream().map(q -> {
                try {
                    return new BigDecimal(q);
                } catch (NumberFormatException e) {
                    throw new BadParameterException("quantities must be numbers, was '" + q + "'");
                }
            }).toList();
            DocumentHttp.respond(ctx, 201, () -> java.util.Map.of("sku", sku, "warehouse", warehouse, "days",
                    store.importHistory(sku, warehouse, start, quantities)));
        });
        routes.get("/api/v1/forecast/suggestions", "forecast:view", ctx -> {
            String warehouse = required(Params.text(ctx, "warehouse"));
            LocalDate asOf = DocumentHttp.date(ctx, "asOf");
            String sku = Params.text(ctx, "sku");
            Blocking.json(ctx, () -> store.suggestions(warehouse, asOf, sku));
        });
        routes.post("/api/v1/forecast/requisitions", "requisitions:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            String warehouse = b.required("warehouse");
            DocumentHttp.respond(ctx, 201, () -> store.requisitions(warehouse, b.date("asOf"), b.optional("sku"), Writes.user(ctx)));
        });
    }

    private static String required(String warehouse) {
        if (warehouse == null) {
            throw new BadParameterException("warehouse is required");
        }
        return warehouse;
    }
}
