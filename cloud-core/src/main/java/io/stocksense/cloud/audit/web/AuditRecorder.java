package io.stocksense.cloud.audit.web;

import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.auth.web.BearerAuthHandler;
import io.stocksense.cloud.auth.web.PermissionGuard;
import io.stocksense.cloud.web.Responses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Records the outcome of every change request under {@code /api/v1} (every method but GET, HEAD and
 * OPTIONS; mounted after the bearer guard) once its answer has been sent: who, from which address, the
 * method and path, the resource and record key, the status, the state before (when the handler
 * supplied it) and the JSON answered (the state after). The row is appended on a worker thread; an
 * append that fails is logged at error level and counted, since the answer has already gone out.
 */
public final class AuditRecorder implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Bodies larger than this are summarised instead of stored whole. */
    static final int MAX_JSON = 64 * 1024;

    private final AuditStore store;
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    public AuditRecorder(AuditStore store) {
        this.store = store;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!READS.contains(ctx.request().method())) {
            ctx.addBodyEndHandler(v -> record(ctx));
        }
        ctx.next();
    }

    /** Appends that failed since start. */
    public long failures() {
        return failures.get();
    }

    private void record(RoutingContext ctx) {
        AuditEntry entry = entry(ctx);
        ctx.vertx().executeBlocking(() -> {
            store.append(entry);
            return null;
        }, false).onFailure(e -> {
            failures.incrementAndGet();
            LOG.error("audit entry for {} {} by {} was not stored: {}", entry.action(), entry.resourceId(), entry.actor(), e.toString());
        });
    }

    static AuditEntry entry(RoutingContext ctx) {
        String user = ctx.get(BearerAuthHandler.USER_KEY);
        String permission = ctx.get(PermissionGuard.PERMISSION_KEY);
        String path = ctx.request().path();
        String resource = permission != null ? permission.substring(0, permission.indexOf(':')) : firstSegment(path);
        String ip = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
        return new AuditEntry(user == null ? "anonymous" : user, user == null ? "anonymous" : "user", ip,
                ctx.request().method().name() + " " + path, resource, resourceId(ctx), ctx.response().getStatusCode(),
                bounded(ctx.get(Responses.AUDIT_BEFORE_KEY)), bounded(ctx.get(Responses.AUDIT_AFTER_KEY)));
    }

    /** The path parameters (e.g. {@code WH1/SHELF-A1}), else the last segment of a {@code Location} answered. */
    private static String resourceId(RoutingContext ctx) {
        if (!ctx.pathParams().isEmpty()) {
            return String.join("/", ctx.pathParams().values());
        }
        String location = ctx.get(Responses.AUDIT_LOCATION_KEY);
        if (location != null) {
            String p = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
            return p.substring(p.lastIndexOf('/') + 1);
        }
        return null;
    }

    private static String firstSegment(String path) {
        String rest = path.startsWith("/api/v1/") ? path.substring(8) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String bounded(String json) {
        if (json == null || json.length() <= MAX_JSON) {
            return json;
        }
        return "{\"truncated\":true,\"length\":" + json.length() + "}";
    }
}
