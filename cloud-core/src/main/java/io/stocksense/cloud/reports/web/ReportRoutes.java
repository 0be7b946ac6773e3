package io.stocksense.cloud.reports.web;

import io.stocksense.cloud.reports.store.EnvironmentReportStore;
import io.stocksense.cloud.reports.store.InventoryReportStore;
import io.stocksense.cloud.reports.store.StocktakeSummaryStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Read-only report resources for the web app's report pages (each page draws a chart and exports the
 * same rows as CSV). Periods are {@code from} (default 30 days before {@code to}) and {@code to}
 * (default now), ISO-8601 instants; {@code warehouse} filters. Stock levels as of a date are
 * {@code GET /api/v1/stock?asOf=}.
 *
 * <ul>
 *   <li>{@code GET /api/v1/reports/inventory/movements?bucket=hour|day|week}: in/out per period and type</li>
 *   <li>{@code GET /api/v1/reports/inventory/turnover}: per SKU opening, closing, outbound, turnover, days of cover</li>
 *   <li>{@code GET /api/v1/reports/inventory/slow-moving?days=90}: stock without outbound movement for that long</li>
 *   <li>{@code GET /api/v1/reports/inventory/ageing}: stock by age, first in first out (as of {@code to})</li>
 *   <li>{@code GET /api/v1/reports/environment}: per zone statistics and MKT, and the excursions</li>
 *   <li>{@code GET /api/v1/reports/stocktakes?status=&warehouse=&limit=}: stocktakes, newest first, with
 *       their line, counted and variance counts</li>
 * </ul>
 */
public final class ReportRoutes {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final Set<String> STOCKTAKE_STATUSES = Set.of("open", "counted", "posted");

    private final InventoryReportStore inventory;
    private final EnvironmentReportStore environment;
    private final StocktakeSummaryStore stocktakes;

    public ReportRoutes(InventoryReportStore inventory, EnvironmentReportStore environment) {
        this.inventory = inventory;
        this.environment = environment;
        this.stocktakes = inventory.stocktakes();
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/reports/inventory/movements", "reports:view", ctx -> {
            Period p = period(ctx);
            Duration bucket = bucket(Params.text(ctx, "bucket"));
            String warehouse = Params.text(ctx, "warehouse");
            Blocking.json(ctx, () -> inventory.movements(p.from, p.to, warehouse, bucket));
        });
        routes.get("/api/v1/reports/inventory/turnover", "reports:view", ctx -> {
            Period p = period(ctx);
            String warehouse = Params.text(ctx, "warehouse");
            Blocking.json(ctx, () -> inventory.turnover(p.from, p.to, warehouse));
        });
        routes.get("/api/v1/reports/inventory/slow-moving", "reports:view", ctx -> {
            int days = Params.limit(ctx, "days", 90, 3650);
            Instant to = Params.instant(ctx, "to") == null ? Instant.now() : Params.instant(ctx, "to");
            String warehouse = Params.text(ctx, "warehouse");
            Blocking.json(ctx, () -> inventory.slowMoving(days, warehouse, to));
        });
        routes.get("/api/v1/reports/inventory/ageing", "reports:view", ctx -> {
            Instant to = Params.instant(ctx, "to") == null ? Instant.now() : Params.instant(ctx, "to");
            String warehouse = Params.text(ctx, "warehouse");
            Blocking.json(ctx, () -> inventory.ageing(warehouse, to));
        });
        routes.get("/api/v1/reports/environment", "reports:view", ctx -> {
            Period p = period(ctx);
            String warehouse = Params.text(ctx, "warehouse");
            Blocking.json(ctx, () -> environment.report(p.from, p.to, warehouse));
        });
        routes.get("/api/v1/reports/stocktakes", "stocktakes:view", ctx -> {
            String status = Params.text(ctx, "status");
            if (status != null && !STOCKTAKE_STATUSES.contains(status)) {
                throw new BadParameterException("status must be one of open, counted, posted; was '" + status + "'");
            }
            String warehouse = Params.text(ctx, "warehouse");
            int limit = Params.limit(ctx, "limit", 50, 500);
            Blocking.json(ctx, () -> stocktakes.list(status, warehouse, limit));
        });
    }

    private record Period(Instant from, Instant to) {
    }

    private static Period period(RoutingContext ctx) {
        Instant to = Params.instant(ctx, "to") == null ? Instant.now() : Params.instant(ctx, "to");
        Instant from = Params.instant(ctx, "from") == null ? to.minus(DEFAULT_PERIOD) : Params.instant(ctx, "from");
        if (!from.isBefore(to)) {
            throw new BadParameterException("from must be before to");
        }
        return new Period(from, to);
    }

    private static Duration bucket(String name) {
        if (name == null || "day".equals(name)) {
            return Duration.ofDays(1);
        }
        if ("hour".equals(name)) {
            return Duration.ofHours(1);
        }
        if ("week".equals(name)) {
            return Duration.ofDays(7);
        }
        throw new BadParameterException("bucket must be hour, day or week, was '" + name + "'");
    }
}
