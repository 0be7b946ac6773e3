package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;
import io.stocksense.cloud.web.Params;

/**
 * {@code GET /api/v1/stock}, {@code /movements} and {@code /inventory/invariant}. Parameters are
 * checked on the event loop (a bad one is a 400 problem); the JDBC runs on worker threads.
 */
public final class InventoryRoutes {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final InventoryQueries queries;

    public InventoryRoutes(InventoryQueries queries) {
        this.queries = queries;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/stock", ctx -> {
            StockQuery.Levels q = new StockQuery.Levels(Params.text(ctx, "sku"), Params.text(ctx, "warehouse"),
                    Params.text(ctx, "location"));
            Blocking.json(ctx, () -> queries.levels(q));
        });
        routes.get("/api/v1/movements", ctx -> {
            StockQuery.Movements q = new StockQuery.Movements(Params.text(ctx, "sku"), Params.instant(ctx, "since"),
                    Params.limit(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT));
            Blocking.json(ctx, () -> queries.movements(q));
        });
        routes.get("/api/v1/inventory/invariant", ctx -> Blocking.json(ctx, queries::invariant));
    }
}
