package io.stocksense.cloud.telemetry.web;

import io.stocksense.cloud.telemetry.store.TelemetryStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;

/** {@code GET /api/v1/telemetry/latest}: the newest value per zone and metric. */
public final class TelemetryRoutes {

    private final TelemetryStore store;

    public TelemetryRoutes(TelemetryStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/telemetry/latest", "telemetry:view", ctx -> Blocking.json(ctx, store::latest));
    }
}
