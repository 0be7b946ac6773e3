package io.stocksense.cloud.web;

import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.audit.web.AuditRecorder;
import io.stocksense.cloud.audit.web.AuditRoutes;
import io.stocksense.cloud.auth.store.AuthStore;
import io.stocksense.cloud.auth.store.LoginGuard;
import io.stocksense.cloud.auth.store.LoginService;
import io.stocksense.cloud.auth.store.UserStore;
import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.auth.web.UserRoutes;
import io.stocksense.cloud.auth.web.AuthRoutes;
import io.stocksense.cloud.auth.web.BearerAuthHandler;
import io.stocksense.cloud.business.BusinessFlows;
import io.stocksense.cloud.catalog.web.CatalogRoutes;
import io.stocksense.cloud.dashboard.AccessModel;
import io.stocksense.cloud.dashboard.DashboardRoutes;
import io.stocksense.cloud.ingest.RejectionStore;
import io.stocksense.cloud.inventory.store.InventoryQueries;
import io.stocksense.cloud.inventory.store.InventoryCommands;
import io.stocksense.cloud.inventory.store.ItemStore;
import io.stocksense.cloud.inventory.store.LotStore;
import io.stocksense.cloud.inventory.store.SnapshotStore;
import io.stocksense.cloud.inventory.store.TransferStore;
import io.stocksense.cloud.inventory.web.AlertJob;
import io.stocksense.cloud.inventory.web.AlertRoutes;
import io.stocksense.cloud.inventory.web.DailySnapshotJob;
import io.stocksense.cloud.inventory.web.InventoryRoutes;
import io.stocksense.cloud.inventory.web.ItemRoutes;
import io.stocksense.cloud.inventory.web.LotRoutes;
import io.stocksense.cloud.inventory.web.StockOperationRoutes;
import io.stocksense.cloud.inventory.web.StocktakeRoutes;
import io.stocksense.cloud.inventory.web.TransferRoutes;
import io.stocksense.cloud.inventory.store.StocktakeStore;
import io.stocksense.cloud.reconcile.ReconciliationService;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.cloud.purchasing.domain.ApproverRoles;
import io.stocksense.cloud.reports.store.EnvironmentReportStore;
import io.stocksense.cloud.reports.store.InventoryReportStore;
import io.stocksense.cloud.reports.web.ReportRoutes;
import io.stocksense.cloud.telemetry.store.AlarmStore;
import io.stocksense.cloud.standards.EpcisRoutes;
import io.stocksense.cloud.standards.EpcisStore;
import io.stocksense.cloud.telemetry.store.TelemetryStore;
import io.stocksense.cloud.telemetry.web.AlarmRoutes;
import io.stocksense.cloud.telemetry.web.TelemetryRoutes;
import io.stocksense.cloud.webhooks.WebhookRoutes;
import io.stocksense.cloud.webhooks.WebhookStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Set;

/**
 * Assembles the HTTP surface: health/readiness/metrics, the token endpoint, the bearer- and
 * permission-protected {@code /api/v1} resources (each change recorded in the audit log), the SSE stream and the dashboard's static files. Unknown routes, wrong
 * methods, bad parameters and failures all answer with problem+json.
 */
public final class HttpApi {

    public static final String STREAM_PATH = "/api/v1/stream";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {
    }

    /**
     * The routes; {@code ops} serves /health, /ready and /metrics. Throws {@link IllegalStateException} naming
     * the route when an {@code /api/} route declares no permission; {@code alerts} keeps stock alerts current.
     */
    public static RouteTable routes(Vertx vertx, DataSource ds, OpsRoutes ops, SseHub sse, HttpMetrics metrics,
                                    AlertJob alerts) {
        Router router = Router.router(vertx);
        RouteTable routes = new RouteTable(router, PermissionGuard::require);
        router.route().handler(ctx -> {
            ctx.addBodyEndHandler(v -> metrics.request(ctx.response().getStatusCode()));
            ctx.next();
        });
        ops.mount(routes);
        // 64 KiB for every JSON body. CSV imports mount their own larger limit behind the (asynchronous)
        // bearer guard, so their request is paused until that body handler resumes it.
        BodyHandler smallBodies = BodyHandler.create().setBodyLimit(64 * 1024);
        router.route("/api/*").handler(ctx -> {
            if (ctx.request().method() == HttpMethod.POST && CatalogRoutes.isImportPath(ctx.normalizedPath())) {
                ctx.request().pause();
                ctx.next();
            } else {
                smallBodies.handle(ctx);
            }
        });
        AuthStore auth = new AuthStore(ds);
        AuditStore audit = new AuditStore(ds);
        BearerAuthHandler bearer = new BearerAuthHandler(auth, Set.of(STREAM_PATH));
        AuthRoutes account = new AuthRoutes(auth, new LoginService(auth,
                new LoginGuard(ds, LoginGuard.MAX_FAILURES, LoginGuard.DEFAULT_COOL_OFF), audit), bearer);
        account.mountToken(routes);
        routes.publicGet("/api/v1/openapi.json", OpsRoutes::openApi);
        // Everything below under /api/v1 needs a bearer token (the SSE stream may pass it as ?access_token=),
        // then the route's permission; every change is recorded in the audit log once answered.
        router.route("/api/v1/*").handler(bearer);
        router.route("/api/v1/*").handler(new AuditRecorder(audit));
        account.mountAccount(routes);
        new UserRoutes(new UserStore(ds, auth)).mount(routes);
        new AuditRoutes(audit).mount(routes);
        new CatalogRoutes(ds).mount(routes);
        SnapshotStore snapshots = new SnapshotStore(ds);
        LotStore lots = new LotStore(ds);
        new InventoryRoutes(new InventoryQueries(ds), snapshots, lots).mount(routes);
        new LotRoutes(lots).mount(routes);
        new StockOperationRoutes(new InventoryCommands(ds, BusinessFlows.stockValuation()), snapshots).mount(routes);
        new TransferRoutes(new TransferStore(ds)).mount(routes);
        new ItemRoutes(new ItemStore(ds)).mount(routes);
        new AlertRoutes(alerts.store()).mount(routes);
        new StocktakeRoutes(new StocktakeStore(ds, BusinessFlows.stockValuation()), new ReconciliationService(ds, Reconciler.withoutDocuments())).mount(routes);
        DailySnapshotJob.schedule(vertx, snapshots, audit);
        new TelemetryRoutes(new TelemetryStore(ds)).mount(routes);
        new AlarmRoutes(new AlarmStore(ds), sse).mount(routes);
        new ReportRoutes(new InventoryReportStore(ds), new EnvironmentReportStore(ds)).mount(routes);
        new DashboardRoutes(ds, AccessModel.of(new UserStore(ds, auth))).mount(routes);
        new EpcisRoutes(new EpcisStore(ds)).mount(routes);
        new WebhookRoutes(new WebhookStore(ds)).mount(routes);
        new BusinessFlows(ds, ApproverRoles.USERS).mount(routes);
        RejectionStore rejections = new RejectionStore(ds);
        routes.get("/api/v1/ingest/rejections", "ingest:view", ctx -> {
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> rejections.latest(limit));
        });
        routes.get(STREAM_PATH, "stream:view", sse::stream);
        // The dashboard's files: GET/HEAD only and never under /api; a missing file falls through to the fallback.
        StaticHandler files = StaticHandler.create("webroot").setCachingEnabled(false);
        router.getWithRegex("^/(?!api/).*").handler(files);
        router.headWithRegex("^/(?!api/).*").handler(files);
        router.route().handler(routes::fallback);
        errors(router);
        return routes;
    }

    private static void errors(Router router) {
        router.errorHandler(404, Problems::notFound);
        router.errorHandler(405, Problems::methodNotAllowed);
        router.errorHandler(400, ctx -> Problems.badRequest(ctx, detail(ctx, "the request is malformed")));
        router.errorHandler(413, ctx -> Problems.send(ctx, 413, "too-large", "Request too large", "the body is limited to 64 KiB (16 MiB for CSV imports)"));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() instanceof BadParameterException) {
                Problems.badRequest(ctx, ctx.failure().getMessage());
                return;
            }
            if (ctx.failure() instanceof ApiException api) {
                api.send(ctx);
                return;
            }
            LOG.warn("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            Problems.internal(ctx);
        });
    }

    private static String detail(RoutingContext ctx, String fallback) {
        return ctx.failure() != null && ctx.failure().getMessage() != null ? ctx.failure().getMessage() : fallback;
    }
}
