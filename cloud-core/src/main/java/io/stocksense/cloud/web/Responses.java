package io.stocksense.cloud.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** JSON success answers. The body of an answer to a change (any method but GET) is kept for the audit log. */
public final class Responses {

    /** The JSON body answered to a change request; the audit log's "after". */
    public static final String AUDIT_AFTER_KEY = "stocksense.audit.after";
    /** The {@code Location} of a record a change created (headers are gone once the answer is sent). */
    public static final String AUDIT_LOCATION_KEY = "stocksense.audit.location";
    /** The JSON of the record before a change, when the handler knows it; the audit log's "before". */
    public static final String AUDIT_BEFORE_KEY = "stocksense.audit.before";

    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String json = ApiJson.write(body);
        if (ctx.request().method() != HttpMethod.GET) {
            ctx.put(AUDIT_AFTER_KEY, json);
            ctx.put(AUDIT_LOCATION_KEY, ctx.response().headers().get("Location"));
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(json);
    }

    /** Remembers the state before a change for the audit log; call from the handler, on any thread, before answering. */
    public static void auditBefore(RoutingContext ctx, Object before) {
        if (before != null) {
            ctx.put(AUDIT_BEFORE_KEY, ApiJson.write(before));
        }
    }

    /**
     * One page of a collection: the items as JSON, the total in {@code X-Total-Count}, and the next page in a
     * {@code Link} header when there is one. {@code page} is 1-based.
     */
    public static void page(RoutingContext ctx, int page, int size, long total, Object items) {
        ctx.response().putHeader("X-Total-Count", Long.toString(total))
                .putHeader("X-Page", Integer.toString(page))
                .putHeader("X-Page-Size", Integer.toString(size))
                .putHeader("Access-Control-Expose-Headers", "X-Total-Count, X-Page, X-Page-Size, Link");
        if ((long) page * size < total) {
            String q = ctx.request().query() == null ? "" : ctx.request().query().replaceAll("(^|&)page=[^&]*", "");
            q = q.isEmpty() || q.startsWith("&") ? q : "&" + q;
            ctx.response().putHeader("Link", "<" + ctx.request().path() + "?page=" + (page + 1) + q + ">; rel=\"next\"");
        }
        json(ctx, 200, items);
    }
}
