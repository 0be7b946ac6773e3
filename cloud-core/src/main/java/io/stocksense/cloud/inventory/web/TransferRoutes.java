package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.inventory.api.TransferReceipt;
import io.stocksense.cloud.inventory.api.TransferRequest;
import io.stocksense.cloud.inventory.api.TransferView;
import io.stocksense.cloud.inventory.store.TransferStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Transfers between warehouses: {@code POST /api/v1/transfers} (multi-line {@code lines[]} or the
 * single-line shape), {@code GET /api/v1/transfers[/{id}]}, {@code POST /{id}/ship} and
 * {@code POST /{id}/receive} (optionally per line). Bodies are parsed on the event loop (a bad one is a
 * 400 problem); the transactions run on worker threads. A user limited to some warehouses may move stock
 * only between those (403 otherwise).
 */
public final class TransferRoutes {

    private static final Set<String> STATUSES = Set.of("draft", "shipped", "partially-received", "received");

    private final TransferStore transfers;

    public TransferRoutes(TransferStore transfers) {
        this.transfers = transfers;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/transfers", "transfers:create", ctx -> {
            TransferRequest r = request(JsonBody.of(ctx, false));
            PermissionGuard.requireScope(ctx, r.fromWarehouse(), r.toWarehouse());
            Writes.respond(ctx, 201, () -> transfers.create(r, Writes.user(ctx)));
        });
        routes.get("/api/v1/transfers", "transfers:view", ctx -> {
            String status = Params.text(ctx, "status");
            if (status != null && !STATUSES.contains(status)) {
                throw new BadParameterException("status must be one of draft, shipped, partially-received, received; was '"
                        + status + "'");
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
                inScope(ctx, id);
                return transfers.ship(id, Writes.user(ctx));
            });
        });
        routes.post("/api/v1/transfers/:id/receive", "transfers:edit", ctx -> {
            long id = id(ctx);
            JsonBody b = JsonBody.of(ctx, true);
            TransferReceipt receipt = b.has("lines") ? receipt(b) : null;
            Writes.respond(ctx, 200, () -> {
                inScope(ctx, id);
                return transfers.receive(id, receipt, Writes.user(ctx));
            });
        });
    }

    /** A scoped user may ship or receive only transfers between its own warehouses; the transfer is audited as before. */
    private void inScope(RoutingContext ctx, long id) throws SQLException {
        Optional<TransferView> t = transfers.get(id);
        Responses.auditBefore(ctx, t.orElse(null));
        if (t.isPresent()) {
            PermissionGuard.requireScope(ctx, t.get().fromWarehouse(), t.get().toWarehouse());
        }
    }

    private static TransferRequest request(JsonBody b) {
        List<TransferRequest.Line> lines = new ArrayList<>();
        if (b.has("lines")) {
            if (b.has("sku")) {
                throw new BadParameterException("give either lines[] or a single sku and quantity, not both");
            }
            for (JsonBody l : b.objects("lines")) {
                lines.add(line(l));
            }
        } else {
            lines.add(line(b));
        }
        return new TransferRequest(b.required("fromWarehouse"), b.optional("fromLocation"), b.required("toWarehouse"),
                b.required("toLocation"), b.optional("note"), b.bool("ship", true), lines);
    }

    private static TransferRequest.Line line(JsonBody l) {
        return new TransferRequest.Line(l.required("sku"), l.optional("lot"), l.decimal("quantity"), l.optional("unit"),
                l.optional("fromLocation"), l.strings("epcs"));
    }

    private static TransferReceipt receipt(JsonBody b) {
        List<TransferReceipt.Line> lines = new ArrayList<>();
        for (JsonBody l : b.objects("lines")) {
            lines.add(new TransferReceipt.Line(l.integer("line"), l.decimal("quantity"), l.strings("epcs")));
        }
        return new TransferReceipt(lines);
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
