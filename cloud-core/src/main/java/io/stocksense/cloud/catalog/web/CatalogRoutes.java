package io.stocksense.cloud.catalog.web;

import io.stocksense.cloud.catalog.store.CatalogStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;

/**
 * {@code GET /api/v1/products}, {@code /locations}, {@code /warehouses}: master data seeded from the
 * site files. Handlers run on the event loop and do their JDBC on worker threads.
 */
public final class CatalogRoutes {

    private final CatalogStore store;

    public CatalogRoutes(CatalogStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/products", ctx -> Blocking.json(ctx, store::products));
        routes.get("/api/v1/locations", ctx -> Blocking.json(ctx, store::locations));
        routes.get("/api/v1/warehouses", ctx -> Blocking.json(ctx, store::warehouses));
    }
}
