package io.stocksense.cloud.purchasing.web;

import io.stocksense.cloud.documents.DocumentHttp;
import io.stocksense.cloud.documents.DocumentLine;
import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.inventory.web.Writes;
import io.stocksense.cloud.purchasing.api.PurchaseOrderRequest;
import io.stocksense.cloud.purchasing.store.PurchaseOrderStore;
import io.stocksense.cloud.purchasing.store.ReceivingStore;
import io.stocksense.cloud.purchasing.store.RequisitionStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

import java.util.List;
import java.util.Set;

/**
 * Purchasing over REST: {@code /api/v1/requisitions}, {@code /api/v1/purchase-orders} with
 * {@code /{id}/submit|approve|send|cancel|close}, {@code /{id}/receipts} (GET, and POST to receive by
 * hand) and {@code /{id}/returns}. Bodies are parsed on the event loop (400 problems), the
 * transactions run on worker threads; every change records the authenticated user.
 */
public final class PurchasingRoutes {

    static final Set<String> PO_STATUSES = Set.of("draft", "awaiting-approval", "approved", "sent", "partially-received",
            "received", "closed", "cancelled");

    private final PurchaseOrderStore orders;
    private final ReceivingStore receiving;
    private final RequisitionStore requisitions;

    public PurchasingRoutes(PurchaseOrderStore orders, ReceivingStore receiving, RequisitionStore requisitions) {
        this.orders = orders;
        this.receiving = receiving;
        this.requisitions = requisitions;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/purchase-orders", "purchase-orders:view", ctx -> {
            String status = DocumentHttp.status(ctx, PO_STATUSES);
            String supplier = Params.text(ctx, "supplier");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> orders.list(status, supplier, limit));
        });
        routes.post("/api/v1/purchase-orders", "purchase-orders:create", ctx -> {
            PurchaseOrderRequest r = order(JsonBody.of(ctx, false));
            DocumentHttp.respond(ctx, 201, () -> orders.create(r, Writes.user(ctx)));
        });
        routes.get("/api/v1/purchase-orders/:id", "purchase-orders:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> orders.get(id));
        });
        action(routes, "submit", "purchase-orders:edit", (id, user) -> orders.submit(id, user));
        action(routes, "approve", "purchase-orders:approve", (id, user) -> orders.approve(id, user));
        action(routes, "send", "purchase-orders:edit", (id, user) -> orders.send(id, user));
        action(routes, "cancel", "purchase-orders:edit", (id, user) -> orders.cancel(id, user));
        action(routes, "close", "purchase-orders:edit", (id, user) -> orders.close(id, user));
        routes.get("/api/v1/purchase-orders/:id/receipts", "goods-receipts:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            Blocking.json(ctx, () -> receiving.receipts(id));
        });
        routes.post("/api/v1/purchase-orders/:id/receipts", "goods-receipts:create", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            JsonBody b = JsonBody.of(ctx, false);
            List<DocumentLine> lines = DocumentHttp.lines(b);
            DocumentHttp.respond(ctx, 201, () -> receiving.receive(id, lines, b.optional("location"), b.date("date"),
                    Writes.user(ctx)));
        });
        routes.post("/api/v1/purchase-orders/:id/returns", "purchase-returns:create", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            JsonBody b = JsonBody.of(ctx, false);
            List<DocumentLine> lines = DocumentHttp.lines(b);
            DocumentHttp.respond(ctx, 201, () -> receiving.returnGoods(id, lines, b.optional("location"), b.optional("reason"),
                    b.date("date"), Writes.user(ctx)));
        });
        mountRequisitions(routes);
    }

    private void mountRequisitions(RouteTable routes) {
        routes.get("/api/v1/requisitions", "requisitions:view", ctx -> {
            String status = DocumentHttp.status(ctx, Set.of("open", "ordered", "cancelled"));
            String sku = Params.text(ctx, "sku");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> requisitions.list(status, sku, limit));
        });
        routes.post("/api/v1/requisitions", "requisitions:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            String sku = b.required("sku");
            String warehouse = b.required("warehouse");
            java.math.BigDecimal quantity = b.decimal("quantity");
            DocumentHttp.respond(ctx, 201, () -> requisitions.create(sku, warehouse, quantity, b.optional("supplier"),
                    b.date("neededBy"), b.optional("note"), Writes.user(ctx)));
        });
        routes.get("/api/v1/requisitions/:id", "requisitions:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> requisitions.get(id));
        });
        routes.post("/api/v1/requisitions/:id/cancel", "requisitions:edit", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> requisitions.cancel(id));
        });
    }

    private interface Action {
        Object apply(long id, String user) throws Exception;
    }

    private static void action(RouteTable routes, String name, String permission, Action action) {
        routes.post("/api/v1/purchase-orders/:id/" + name, permission, ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> action.apply(id, Writes.user(ctx)));
        });
    }

    private static PurchaseOrderRequest order(JsonBody b) {
        List<PurchaseOrderRequest.Line> lines = b.objects("lines", true).stream().map(l -> new PurchaseOrderRequest.Line(
                l.required("sku"), l.decimal("quantity"), l.decimal("unitPrice"), l.decimal("vatRate", null))).toList();
        List<Long> reqs = b.ids("requisitions");
        return new PurchaseOrderRequest(b.required("supplier"), b.required("warehouse"), b.optional("location"),
                b.required("currency"), b.date("orderDate"), b.date("expectedDate"), b.decimal("tolerancePct", null),
                b.optional("note"), reqs, lines);
    }
}
