package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.api.LotRequest;
import io.stocksense.cloud.inventory.store.LotStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Lots as master data: {@code GET|POST /api/v1/products/{sku}/lots}, {@code GET /api/v1/products/{sku}/lots/{lot}}
 * and {@code GET /api/v1/lots?sku=&expiresBefore=}. Bodies and parameters are checked on the event
 * loop (a bad one is a 400 problem); JDBC runs on worker threads.
 */
public final class LotRoutes {

    private final LotStore lots;

    public LotRoutes(LotStore lots) {
        this.lots = lots;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/products/:sku/lots", "lots:view", ctx -> {
            String sku = ctx.pathParam("sku");
            LocalDate before = date(ctx, "expiresBefore");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Writes.respond(ctx, 200, () -> lots.list(sku, before, limit));
        });
        routes.post("/api/v1/products/:sku/lots", "lots:create", ctx -> {
            String sku = ctx.pathParam("sku");
            JsonBody b = JsonBody.of(ctx, false);
            LotRequest r = new LotRequest(b.required("lot"), b.date("expiry"), b.date("productionDate"), b.optional("note"));
            Writes.respond(ctx, 201, () -> lots.create(sku, r, Writes.user(ctx)));
        });
        routes.get("/api/v1/products/:sku/lots/:lot", "lots:view", ctx -> {
            String sku = ctx.pathParam("sku");
            String lot = ctx.pathParam("lot");
            Writes.respond(ctx, 200, () -> lots.get(sku, lot));
        });
        routes.get("/api/v1/lots", "lots:view", ctx -> {
            String sku = Params.text(ctx, "sku");
            LocalDate before = date(ctx, "expiresBefore");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Writes.respond(ctx, 200, () -> lots.list(sku, before, limit));
        });
    }

    private static LocalDate date(RoutingContext ctx, String name) {
        String v = Params.text(ctx, name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name + " must be an ISO date such as 2026-12-31, was '" + v + "'");
        }
    }
}
