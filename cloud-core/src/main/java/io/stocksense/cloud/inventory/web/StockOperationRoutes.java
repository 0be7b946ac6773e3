package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.api.MoveRequest;
import io.stocksense.cloud.inventory.api.StockChangeRequest;
import io.stocksense.cloud.inventory.api.TransferRequest;
import io.stocksense.cloud.inventory.store.InventoryCommands;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.inventory.store.TransferStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Manual stock operations: {@code POST /api/v1/adjustments}, {@code /scrap}, {@code /moves},
 * {@code /transfers} (+ {@code /{id}/ship}, {@code /{id}/receive}, GETs), {@code /inventory/snapshots}
 * (alerts are {@link AlertRoutes}). Bodies are parsed on the event loop (a bad one is a 400 problem);
 * the transactions run on worker threads. Each posting records the authenticated user.
 */
public final class StockOperationRoutes {

    private static final Set<String> TRANSFER_STATUSES = Set.of("draft", "shipped", "received");

    private final InventoryCommands commands;
    private final TransferStore transfers;
    private final SnapshotStore snapshots;

    public StockOperationRoutes(InventoryCommands commands, TransferStore transfers, SnapshotStore snapshots) {
        this.commands = commands;
        this.transfers = transfers;
        this.snapshots = snapshots;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/adjustments", ctx -> {
            StockChangeRequest r = stockChange(JsonBody.of(ctx, false));
            Writes.respond(ctx, 201, () -> commands.adjust(r, Writes.user(ctx)));
        });
        routes.post("/api/v1/scrap", ctx -> {
            StockChangeRequest r = stockChange(JsonBody.of(ctx, false));
            Writes.respond(ctx, 201, () -> commands.scrap(r, Writes.user(ctx)));
        });
        routes.post("/api/v1/moves", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            MoveRequest r = new MoveRequest(b.required("sku"), b.required("warehouse"), b.required("from"), b.required("to"),
                    b.optional("lot"), b.decimal("quantity"), b.optional("unit"), b.optional("reason"));
            Writes.respond(ctx, 201, () -> commands.move(r, Writes.user(ctx)));
        });
        mountTransfers(routes);
        routes.post("/api/v1/inventory/snapshots", ctx -> {
            java.time.Instant at = JsonBody.of(ctx, true).instant("at");
            Writes.respond(ctx, 201, () -> snapshots.take(at, Writes.user(ctx)));
        });
        routes.get("/api/v1/inventory/snapshots", ctx -> {
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> snapshots.list(limit));
        });
    }

    private void mountTransfers(RouteTable routes) {
        routes.post("/api/v1/transfers", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            TransferRequest r = new TransferRequest(b.required("sku"), b.optional("lot"), b.decimal("quantity"),
                    b.optional("unit"), b.required("fromWarehouse"), b.required("fromLocation"), b.required("toWarehouse"),
                    b.required("toLocation"), b.optional("note"), b.bool("ship", true));
            Writes.respond(ctx, 201, () -> transfers.create(r, Writes.user(ctx)));
        });
        routes.get("/api/v1/transfers", ctx -> {
            String status = Params.text(ctx, "status");
            if (status != null && !TRANSFER_STATUSES.contains(status)) {
                throw new BadParameterException("status must be one of draft, shipped, received; was '" + status + "'");
            }
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> transfers.list(status, limit));
        });
        routes.get("/api/v1/transfers/:id", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> transfers.get(id));
        });
        routes.post("/api/v1/transfers/:id/ship", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> transfers.ship(id, Writes.user(ctx)));
        });
        routes.post("/api/v1/transfers/:id/receive", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> transfers.receive(id, Writes.user(ctx)));
        });
    }

    private static StockChangeRequest stockChange(JsonBody b) {
        return new StockChangeRequest(b.required("sku"), b.required("warehouse"), b.required("location"), b.optional("lot"),
                b.decimal("quantity"), b.optional("unit"), b.required("reason"));
    }

    private static long id(RoutingContext ctx) {
        String v = ctx.pathParam("id");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException("the transfer id must be an integer, was '" + v + "'");
        }
    }
}
