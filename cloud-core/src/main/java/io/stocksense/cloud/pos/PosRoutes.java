package io.stocksense.cloud.pos;

import io.stocksense.cloud.documents.DocumentHttp;
import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.inventory.web.Writes;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** POS over REST: {@code POST /api/v1/pos/sales} (checkout), its GETs, and {@code GET /api/v1/pos/lookup?barcode=}. */
public final class PosRoutes {

    private static final Set<String> METHODS = Set.of("cash", "card", "voucher");

    private final PosStore store;
    private final PosSettings settings;

    public PosRoutes(PosStore store, PosSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/pos/sales", "pos:create", ctx -> {
            PosSaleRequest r = request(JsonBody.of(ctx, false));
            DocumentHttp.respond(ctx, 201, () -> store.checkout(r, Writes.user(ctx)));
        });
        routes.get("/api/v1/pos/sales", "pos:view", ctx -> {
            LocalDate date = DocumentHttp.date(ctx, "date");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> store.list(date, limit));
        });
        routes.get("/api/v1/pos/sales/:id", "pos:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> store.get(id));
        });
        routes.get("/api/v1/pos/settings", "pos:view", ctx -> Blocking.json(ctx, settings::get));
        routes.put("/api/v1/pos/settings", "pos:edit", ctx -> {
            String prices = JsonBody.of(ctx, false).required("prices");
            DocumentHttp.respond(ctx, 200, () -> settings.setPrices(prices));
        });
        routes.get("/api/v1/pos/lookup", "pos:view", ctx -> {
            String barcode = Params.text(ctx, "barcode");
            if (barcode == null) {
                throw new BadParameterException("barcode is required");
            }
            DocumentHttp.respond(ctx, 200, () -> store.lookup(barcode));
        });
    }

    private static PosSaleRequest request(JsonBody b) {
        List<PosSaleRequest.Scan> scans = b.objects("lines", true).stream().map(l -> new PosSaleRequest.Scan(l.required("barcode"),
                l.decimal("quantity", BigDecimal.ONE), l.decimal("discountPct", null))).toList();
        List<PosSaleView.Payment> payments = b.objects("payments", true).stream().map(p -> {
            String method = p.required("method");
            if (!METHODS.contains(method)) {
                throw new BadParameterException("payment method must be cash, card or voucher, was '" + method + "'");
            }
            return new PosSaleView.Payment(method, p.decimal("amount"));
        }).toList();
        String currency = b.optional("currency") == null ? "EUR" : b.optional("currency");
        return new PosSaleRequest(b.required("warehouse"), b.required("location"), currency, b.date("date"),
                b.decimal("discountPct", null), scans, payments);
    }
}
