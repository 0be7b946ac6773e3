package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.store.ItemStore;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Serialized items: {@code GET /api/v1/items/{epc}} (where it is, its status) and
 * {@code GET /api/v1/items/{epc}/history} (every ledger row and sighting naming it, oldest first).
 * EPCs are hex and compared in upper case. JDBC runs on worker threads.
 */
public final class ItemRoutes {

    private final ItemStore items;

    public ItemRoutes(ItemStore items) {
        this.items = items;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/items/:epc", "items:view", ctx -> {
            String epc = epc(ctx);
            Writes.respond(ctx, 200, () -> items.get(epc));
        });
        routes.get("/api/v1/items/:epc/history", "items:view", ctx -> {
            String epc = epc(ctx);
            int limit = Params.limit(ctx, "limit", 1000, 10_000);
            Writes.respond(ctx, 200, () -> items.history(epc, limit));
        });
    }

    private static String epc(RoutingContext ctx) {
        return ctx.pathParam("epc").trim().toUpperCase(Locale.ROOT);
    }
}
