package io.stocksense.cloud.dashboard;

import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;

import javax.sql.DataSource;

/**
 * What the supervisor web app needs beyond the business resources: {@code /api/v1/me} (see
 * {@link MeRoutes}), {@code GET /api/v1/devices/health}, and the front-end libraries under
 * {@code /webjars/}.
 */
public final class DashboardRoutes {

    private final DataSource dataSource;
    private final AccessModel access;

    public DashboardRoutes(DataSource dataSource, AccessModel access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    public void mount(RouteTable routes) {
        new MeRoutes(access, new PreferenceStore(dataSource)).mount(routes);
        DeviceHealthStore health = new DeviceHealthStore(dataSource);
        routes.get("/api/v1/devices/health", "devices:view", ctx -> Blocking.json(ctx, health::health));
        WebJarRoutes.mount(routes, "org.webjars.npm:chart.js");
    }
}
