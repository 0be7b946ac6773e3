package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.inventory.api.MoveRequest;
import io.stocksense.cloud.inventory.api.StockChangeRequest;
import io.stocksense.cloud.inventory.api.TransferRequest;
import io.stocksense.cloud.inventory.store.AlertStore;
import io.stocksense.cloud.inventory.store.InventoryCommands;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.inventory.store.TransferStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Manual stock operations: {@code POST /api/v1/adjustments}, {@code /scrap}, {@code /moves},
 * {@code /transfers} (+ {@code /{id}/ship}, {@code /{id}/receive}, GETs), {@code /inventory/snapshots}
 * and {@code GET /inventory/alerts}. Bodies are parsed on the event loop (a bad one is a 400 problem);
 * the transactions run on worker threads. Each posting records the authenticated user;
 * a user limited to some warehouses may post only in those (403 otherwise).
 */
public final class StockOperationRoutes {

    private static final Set<String> TRANSFER_STATUSES = Set.of("draft", "shipped", "received");

    private final InventoryCommands commands;
    private final TransferStore transfers;
    private final SnapshotStore snapshots;
    private final AlertStore alerts;

    public StockOperationRoutes(InventoryCommands commands, TransferStore transfers, SnapshotStore snapshots, AlertStore alerts) {
        this.commands = commands;
        this.transfers = transfers;
        this.snapshots = snapshots;
        this.alerts = alerts;
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
        mountTransfers(routes);
        routes.post("/api/v1/inventory/snapshots", "inventory:create", ctx -> {
            java.time.Instant at = JsonBody.of(ctx, true).instant("at");
            Writes.respond(ctx, 201, () -> snapshots.take(at, Writes.user(ctx)));
        });
        routes.get("/api/v1/inventory/snapshots", "inventory:view", ctx -> {
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> snapshots.list(limit));
        });
        routes.get("/api/v1/inventory/alerts", "inventory:view", ctx -> {
            String sku = Params.text(ctx, "sku");
            String kind = Params.text(ctx, "kind");
            boolean openOnly = "true".equals(Params.text(ctx, "open"));
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> alerts.latest(sku, kind, openOnly, limit));
        });
    }

    private void mountTransfers(RouteTable routes) {
        routes.post("/api/v1/transfers", "transfers:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            TransferRequest r = new TransferRequest(b.required("sku"), b.optional("lot"), b.decimal("quantity"),
                    b.optional("unit"), b.required("fromWarehouse"), b.required("fromLocation"), b.required("toWarehouse"),
                    b.required("toLocation"), b.optional("note"), b.bool("ship", true));
            PermissionGuard.requireScope(ctx, r.fromWarehouse(), r.toWarehouse());
            Writes.respond(ctx, 201, () -> transfers.create(r, Writes.user(ctx)));
        });
        routes.get("/api/v1/transfers", "transfers:view", ctx -> {
            String status = Params.text(ctx, "status");
            if (status != null && !TRANSFER_STATUSES.contains(status)) {
                throw new BadParameterException("status must be one of draft, shipped, received; was '" + status + "'");
            }
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> transfers.list(status, limit));
        });
        routes.get("/api/v1/transfers/:id", "transfers:view", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> transfers.get(id));
        });
        routes.post("/api/v1/transfers/:id/ship", "transfers:edit", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> {
                transferInScope(ctx, id);
                return transfers.ship(id, Writes.user(ctx));
            });
        });
        routes.post("/api/v1/transfers/:id/receive", "transfers:edit", ctx -> {
            long id = id(ctx);
            Writes.respond(ctx, 200, () -> {
                transferInScope(ctx, id);
                return transfers.receive(id, Writes.user(ctx));
            });
        });
    }

    /** A scoped user may ship or receive only transfers between its own warehouses. */
    private void transferInScope(RoutingContext ctx, long id) throws java.sql.SQLException {
        java.util.Optional<io.stocksense.cloud.inventory.api.TransferView> t = transfers.get(id);
        Responses.auditBefore(ctx, t.orElse(null));
        if (t.isPresent()) {
            PermissionGuard.requireScope(ctx, t.get().fromWarehouse(), t.get().toWarehouse());
        }
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
