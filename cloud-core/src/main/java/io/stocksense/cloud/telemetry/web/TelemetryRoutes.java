package io.stocksense.cloud.telemetry.web;

import io.stocksense.cloud.telemetry.store.TelemetryStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /api/v1/telemetry/latest}: the newest value per zone and metric;
 * {@code GET /api/v1/telemetry/series?warehouse=&zone=&metric=&since=&until=&points=}: one zone's
 * metric over a period in at most {@code points} time buckets (min, mean, max each), for charts.
 */
public final class TelemetryRoutes {

    private final TelemetryStore store;

    public TelemetryRoutes(TelemetryStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/telemetry/latest", "telemetry:view", ctx -> Blocking.json(ctx, store::latest));
        routes.get("/api/v1/telemetry/series", "telemetry:view", ctx -> {
            String warehouse = required(Params.text(ctx, "warehouse"), "warehouse");
            String zone = required(Params.text(ctx, "zone"), "zone");
            String metric = Params.text(ctx, "metric") == null ? "temperature" : Params.text(ctx, "metric");
            Instant until = Params.instant(ctx, "until") == null ? Instant.now() : Params.instant(ctx, "until");
            Instant since = Params.instant(ctx, "since") == null ? until.minus(Duration.ofHours(2)) : Params.instant(ctx, "since");
            if (!since.isBefore(until)) {
                throw new BadParameterException("since must be before until");
            }
            int points = Params.limit(ctx, "points", 120, 2000);
            Blocking.json(ctx, () -> store.series(warehouse, zone, metric, since, until, points));
        });
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new BadParameterException(name + " is required");
        }
        return value;
    }
}
