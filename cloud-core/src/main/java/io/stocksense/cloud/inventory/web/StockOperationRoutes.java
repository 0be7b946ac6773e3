package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.inventory.api.MoveRequest;
import io.stocksense.cloud.inventory.api.StockChangeRequest;
import io.stocksense.cloud.inventory.store.InventoryCommands;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;

/**
 * Manual stock operations: {@code POST /api/v1/adjustments}, {@code /scrap}, {@code /moves} and
 * {@code /inventory/snapshots} (transfers are {@link TransferRoutes}, alerts {@link AlertRoutes}). Bodies are parsed on the event loop (a bad one is a 400 problem);
 * the transactions run on worker threads. Each posting records the authenticated user; a user limited to
 * some warehouses may post only in those (403 otherwise).
 */
public final class StockOperationRoutes {

    private final InventoryCommands commands;
    private final SnapshotStore snapshots;

    public StockOperationRoutes(InventoryCommands commands, SnapshotStore snapshots) {
        this.commands = commands;
        this.snapshots = snapshots;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/adjustments", "adjustments:create", ctx -> {
            StockChangeRequest r = stockChange(JsonBody.of(ctx, false));
            PermissionGuard.requireScope(ctx, r.warehouse());
            Writes.respond(ctx, 201, () -> commands.adjust(r, Writes.user(ctx)));
        });
        routes.post("/api/v1/scrap", "scrap:create", ctx -> {
            StockChangeRequest r = stockChange(JsonBody.of(ctx, false));
            PermissionGuard.requireScope(ctx, r.warehouse());
            Writes.respond(ctx, 201, () -> commands.scrap(r, Writes.user(ctx)));
        });
        routes.post("/api/v1/moves", "moves:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            MoveRequest r = new MoveRequest(b.required("sku"), b.required("warehouse"), b.required("from"), b.required("to"),
                    b.optional("lot"), b.decimal("quantity"), b.optional("unit"), b.optional("reason"));
            PermissionGuard.requireScope(ctx, r.warehouse());
            Writes.respond(ctx, 201, () -> commands.move(r, Writes.user(ctx)));
        });
        routes.post("/api/v1/inventory/snapshots", "inventory:create", ctx -> {
            java.time.Instant at = JsonBody.of(ctx, true).instant("at");
            Writes.respond(ctx, 201, () -> snapshots.take(at, Writes.user(ctx)));
        });
        routes.get("/api/v1/inventory/snapshots", "inventory:view", ctx -> {
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> snapshots.list(limit));
        });
    }


    private static StockChangeRequest stockChange(JsonBody b) {
        return new StockChangeRequest(b.required("sku"), b.required("warehouse"), b.required("location"), b.optional("lot"),
                b.decimal("quantity"), b.optional("unit"), b.required("reason"), b.strings("epcs"));
    }
}
