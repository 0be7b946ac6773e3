package io.stocksense.cloud.sales.web;

import io.stocksense.cloud.documents.DocumentHttp;
import io.stocksense.cloud.documents.DocumentLine;
import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.inventory.web.Writes;
import io.stocksense.cloud.sales.api.SalesOrderRequest;
import io.stocksense.cloud.sales.store.SalesOrderStore;
import io.stocksense.cloud.sales.store.ShippingStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

import java.util.List;
import java.util.Set;

/**
 * Sales over REST: {@code /api/v1/sales-orders} (create, {@code PUT} a draft), {@code /{id}/confirm}
 * (credit check and reservation; 409 {@code insufficient-stock} or {@code credit-limit-exceeded}),
 * {@code /{id}/pick-list}, {@code /{id}/pick}, {@code /{id}/shipments} (GET, and POST to ship by hand),
 * {@code /{id}/returns} and {@code /{id}/cancel}.
 */
public final class SalesRoutes {

    static final Set<String> STATUSES = Set.of("draft", "confirmed", "picking", "partially-shipped", "shipped", "completed",
            "cancelled");

    private final SalesOrderStore orders;
    private final ShippingStore shipping;

    public SalesRoutes(SalesOrderStore orders, ShippingStore shipping) {
        this.orders = orders;
        this.shipping = shipping;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/sales-orders", "sales-orders:view", ctx -> {
            String status = DocumentHttp.status(ctx, STATUSES);
            String customer = Params.text(ctx, "customer");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> orders.list(status, customer, limit));
        });
        routes.post("/api/v1/sales-orders", "sales-orders:create", ctx -> {
            SalesOrderRequest r = order(JsonBody.of(ctx, false));
            DocumentHttp.respond(ctx, 201, () -> orders.create(r, Writes.user(ctx)));
        });
        routes.get("/api/v1/sales-orders/:id", "sales-orders:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> orders.get(id));
        });
        routes.put("/api/v1/sales-orders/:id", "sales-orders:edit", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            SalesOrderRequest r = order(JsonBody.of(ctx, false));
            DocumentHttp.respond(ctx, 200, () -> orders.update(id, r));
        });
        routes.post("/api/v1/sales-orders/:id/confirm", "sales-orders:edit", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> orders.confirm(id, Writes.user(ctx)));
        });
        routes.post("/api/v1/sales-orders/:id/cancel", "sales-orders:edit", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> orders.cancel(id));
        });
        routes.get("/api/v1/sales-orders/:id/pick-list", "sales-orders:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> shipping.pickList(id));
        });
        routes.post("/api/v1/sales-orders/:id/pick", "sales-orders:edit", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            String to = JsonBody.of(ctx, true).optional("toLocation");
            DocumentHttp.respond(ctx, 200, () -> orders.pick(id, to, Writes.user(ctx)));
        });
        routes.get("/api/v1/sales-orders/:id/shipments", "shipments:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            Blocking.json(ctx, () -> shipping.shipments(id));
        });
        routes.post("/api/v1/sales-orders/:id/shipments", "shipments:create", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            JsonBody b = JsonBody.of(ctx, false);
            List<DocumentLine> lines = DocumentHttp.lines(b);
            DocumentHttp.respond(ctx, 201, () -> shipping.ship(id, lines, b.date("date"), Writes.user(ctx)));
        });
        routes.post("/api/v1/sales-orders/:id/returns", "sales-returns:create", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            JsonBody b = JsonBody.of(ctx, false);
            List<DocumentLine> lines = DocumentHttp.lines(b);
            DocumentHttp.respond(ctx, 201, () -> shipping.returnGoods(id, lines, b.optional("location"),
                    b.bool("inspection", false), b.optional("reason"), b.date("date"), Writes.user(ctx)));
        });
    }

    private static SalesOrderRequest order(JsonBody b) {
        List<SalesOrderRequest.Line> lines = b.objects("lines", true).stream().map(l -> new SalesOrderRequest.Line(
                l.required("sku"), l.decimal("quantity"), l.decimal("unitPrice", null), l.decimal("discountPct", null),
                l.decimal("vatRate", null))).toList();
        return new SalesOrderRequest(b.required("customer"), b.required("warehouse"), b.required("location"),
                b.required("currency"), b.date("orderDate"), b.optional("note"), lines);
    }
}
