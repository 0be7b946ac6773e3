package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.auth.domain.Principal;
import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.inventory.api.MovementView;
import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.cloud.inventory.store.LotStore;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;
import io.stocksense.cloud.web.Params;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/v1/stock} (now, or {@code ?asOf=} from the closing snapshots; a lot's
 * expiry with each level of a registered lot), {@code /movements} and {@code /inventory/invariant}. Parameters are
 * checked on the event loop (a bad one is a 400 problem); the JDBC runs on worker threads. A user limited to some
 * warehouses sees only their rows, and asking for another warehouse is a 403 problem.
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
        routes.get("/api/v1/stock", "stock:view", ctx -> {
            StockQuery.Levels q = new StockQuery.Levels(Params.text(ctx, "sku"), Params.text(ctx, "warehouse"),
                    Params.text(ctx, "location"));
            PermissionGuard.requireScope(ctx, q.warehouse());
            Instant asOf = Params.instant(ctx, "asOf");
            Principal p = PermissionGuard.principal(ctx);
            if (asOf == null) {
                Blocking.json(ctx, () -> inScope(p, lots.withExpiry(queries.levels(q)), StockLevelView::warehouse));
            } else {
                Blocking.json(ctx, () -> inScope(p, lots.withExpiry(snapshots.levelsAsOf(q, asOf)), StockLevelView::warehouse));
            }
        });
        routes.get("/api/v1/movements", "movements:view", ctx -> {
            StockQuery.Movements q = new StockQuery.Movements(Params.text(ctx, "sku"), Params.instant(ctx, "since"),
                    Params.limit(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT));
            Principal p = PermissionGuard.principal(ctx);
            Blocking.json(ctx, () -> inScope(p, queries.movements(q), MovementView::warehouse));
        });
        routes.get("/api/v1/inventory/invariant", "inventory:view", ctx -> Blocking.json(ctx, queries::invariant));
    }

    /** Only the rows of warehouses in the user's scope (all rows for an unscoped user). */
    static <T> List<T> inScope(Principal p, List<T> rows, Function<T, String> warehouse) {
        if (p == null || !p.scoped()) {
            return rows;
        }
        return rows.stream().filter(r -> p.inScope(warehouse.apply(r))).toList();
    }
}
