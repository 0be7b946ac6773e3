package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.cloud.inventory.store.LotStore;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;
import io.stocksense.cloud.web.Params;

import java.time.Instant;

/**
 * {@code GET /api/v1/stock} (now, or {@code ?asOf=} from the closing snapshots; a lot's
 * expiry with each level of a registered lot), {@code /movements} and {@code /inventory/invariant}. Parameters are
 * checked on the event loop (a bad one is a 400 problem); the JDBC runs on worker threads.
 */
public final class InventoryRoutes {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final InventoryQueries queries;
    private final SnapshotStore snapshots;
    private final LotStore lots;

    public InventoryRoutes(InventoryQueries queries, SnapshotStore snapshots, LotStore lots) {
        this.queries = queries;
        this.snapshots = snapshots;
        this.lots = lots;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/stock", ctx -> {
            StockQuery.Levels q = new StockQuery.Levels(Params.text(ctx, "sku"), Params.text(ctx, "warehouse"),
                    Params.text(ctx, "location"));
            Instant asOf = Params.instant(ctx, "asOf");
            if (asOf == null) {
                Blocking.json(ctx, () -> lots.withExpiry(queries.levels(q)));
            } else {
                Blocking.json(ctx, () -> lots.withExpiry(snapshots.levelsAsOf(q, asOf)));
            }
        });
        routes.get("/api/v1/movements", ctx -> {
            StockQuery.Movements q = new StockQuery.Movements(Params.text(ctx, "sku"), Params.instant(ctx, "since"),
                    Params.limit(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT));
            Blocking.json(ctx, () -> queries.movements(q));
        });
        routes.get("/api/v1/inventory/invariant", ctx -> Blocking.json(ctx, queries::invariant));
    }
}
