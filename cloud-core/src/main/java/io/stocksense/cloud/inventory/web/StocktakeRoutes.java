package io.stocksense.cloud.inventory.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.inventory.api.StocktakeCount;
import io.stocksense.cloud.inventory.store.StocktakeStore;
import io.stocksense.cloud.reconcile.ReconciliationService;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.cloud.reconcile.ShelfObservation;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Stocktakes ({@code POST /api/v1/stocktakes}, {@code GET /{id}}, {@code POST /{id}/counts},
 * {@code POST /{id}/post}) and reconciliation ({@code POST /api/v1/observations},
 * {@code POST /api/v1/inventory/reconcile}). Bodies are parsed on the event loop (a bad one is a 400
 * problem); the transactions run on worker threads.
 */
public final class StocktakeRoutes {

    private final StocktakeStore stocktakes;
    private final ReconciliationService reconciliation;

    public StocktakeRoutes(StocktakeStore stocktakes, ReconciliationService reconciliation) {
        this.stocktakes = stocktakes;
        this.reconciliation = reconciliation;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/stocktakes", "stocktakes:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            JsonNode n = node(ctx);
            List<String> locations = n.has("locations") ? texts(n.get("locations"), "locations") : null;
            String warehouse = b.required("warehouse");
            String zone = b.optional("zone");
            PermissionGuard.requireScope(ctx, warehouse);
            Writes.respond(ctx, 201, () -> stocktakes.create(warehouse, zone, locations, Writes.user(ctx)));
        });
        routes.get("/api/v1/stocktakes/:id", "stocktakes:view", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> stocktakes.get(id));
        });
        routes.post("/api/v1/stocktakes/:id/counts", "stocktakes:edit", ctx -> {
            long id = id(ctx);
            JsonNode n = node(ctx);
            if (n.isObject() && n.has("epcs")) {
                JsonBody b = JsonBody.of(ctx, false);
                String location = b.required("location");
                List<String> epcs = texts(n.get("epcs"), "epcs");
                Writes.respond(ctx, 200, () -> stocktakes.countEpcs(id, location, epcs, Writes.user(ctx)));
            } else {
                List<StocktakeCount> counts = counts(n);
                Writes.respond(ctx, 200, () -> stocktakes.count(id, counts, List.of(), Writes.user(ctx)));
            }
        });
        routes.post("/api/v1/stocktakes/:id/post", "stocktakes:approve", ctx -> {
            long id = id(ctx);
            String reason = JsonBody.of(ctx, true).optional("reason");
            Writes.respond(ctx, 200, () -> {
                // posting changes stock: a scoped user may post only its own warehouses' stocktakes
                var st = stocktakes.get(id);
                if (st.isPresent()) {
                    PermissionGuard.requireScope(ctx, st.get().warehouse());
                }
                return stocktakes.post(id, reason == null ? "stocktake " + id : reason, Writes.user(ctx));
            });
        });
        routes.post("/api/v1/observations", "observations:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            if (!Reconciler.SHELF_COUNT.equals(b.required("kind"))) {
                throw new BadParameterException("kind must be " + Reconciler.SHELF_COUNT);
            }
            ShelfObservation o = new ShelfObservation(b.required("deviceId"), b.required("sku"), b.optional("warehouse"),
                    b.required("location"), b.decimal("count"), node(ctx).get("evidence"));
            Writes.respond(ctx, 201, () -> reconciliation.observe(o));
        });
        routes.post("/api/v1/inventory/reconcile", "inventory:edit", ctx -> Writes.respond(ctx, 200, reconciliation::reconcileAll));
    }

    /** Manual counts: an array of {@code {"sku","location","lot"?,"counted"}}. */
    private static List<StocktakeCount> counts(JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            throw new BadParameterException("the body must be a non-empty array of {sku, location, lot?, counted}"
                    + " or an RFID sweep {location, epcs[]}");
        }
        List<StocktakeCount> out = new ArrayList<>();
        for (JsonNode e : n) {
            JsonNode sku = e.get("sku");
            JsonNode location = e.get("location");
            JsonNode counted = e.get("counted");
            if (sku == null || !sku.isTextual() || location == null || !location.isTextual() || counted == null
                    || !counted.isNumber()) {
                throw new BadParameterException("each count needs sku and location (strings) and counted (a number), was " + e);
            }
            JsonNode lot = e.get("lot");
            out.add(new StocktakeCount(sku.asText(), location.asText(),
                    lot == null || lot.isNull() || lot.asText().isBlank() ? null : lot.asText(), new BigDecimal(counted.asText())));
        }
        return out;
    }

    private static List<String> texts(JsonNode n, String field) {
        if (n == null || !n.isArray()) {
            throw new BadParameterException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new BadParameterException(field + " must be an array of non-blank strings");
            }
            out.add(e.asText().trim());
        });
        return out;
    }

    private static JsonNode node(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new BadParameterException("the body must be JSON; see /api/v1/openapi.json");
        }
        try {
            return ApiJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadParameterException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static long id(RoutingContext ctx) {
        String v = ctx.pathParam("id");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException("the stocktake id must be an integer, was '" + v + "'");
        }
    }
}
