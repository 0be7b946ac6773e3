package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.store.AlertStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

/**
 * {@code GET /api/v1/inventory/alerts}, {@code POST /api/v1/inventory/alerts/evaluate} and
 * {@code GET|PUT /api/v1/inventory/alerts/settings}. Parameters are checked on the event loop (a bad
 * one is a 400 problem); JDBC runs on worker threads.
 */
public final class AlertRoutes {

    private final AlertStore alerts;

    public AlertRoutes(AlertStore alerts) {
        this.alerts = alerts;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/inventory/alerts", "alerts:view", ctx -> {
            String sku = Params.text(ctx, "sku");
            String kind = Params.text(ctx, "kind");
            String warehouse = Params.text(ctx, "warehouse");
            boolean openOnly = "true".equals(Params.text(ctx, "open"));
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> alerts.latest(sku, kind, warehouse, openOnly, limit));
        });
        routes.post("/api/v1/inventory/alerts/evaluate", "alerts:edit", ctx -> Writes.respond(ctx, 200, alerts::evaluateAll));
        routes.get("/api/v1/inventory/alerts/settings", "alerts:view", ctx -> Blocking.json(ctx, alerts::settings));
        routes.put("/api/v1/inventory/alerts/settings", "alerts:edit", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            int days = b.integer("expiringWithinDays");
            Writes.respond(ctx, 200, () -> alerts.updateSettings(days, Writes.user(ctx)));
        });
    }
}
