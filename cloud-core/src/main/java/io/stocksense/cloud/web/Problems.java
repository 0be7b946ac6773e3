package io.stocksense.cloud.web;

import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details ({@code application/problem+json}): every API error says what was wrong
 * ({@code title}) and how to fix it ({@code detail}). {@code type} is a stable URN per kind of error.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:stocksense:problem:";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.request().path());
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"stocksense\"");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(ApiJson.write(body));
    }

    public static void badRequest(RoutingContext ctx, String detail) {
        send(ctx, 400, "bad-request", "Bad request", detail);
    }

    public static void unauthorized(RoutingContext ctx, String detail) {
        send(ctx, 401, "unauthorized", "Unauthorized", detail);
    }

    public static void notFound(RoutingContext ctx) {
        send(ctx, 404, "not-found", "Not found", "No resource at " + ctx.request().path()
                + "; see /api/v1/openapi.json for the routes.");
    }

    public static void methodNotAllowed(RoutingContext ctx) {
        send(ctx, 405, "method-not-allowed", "Method not allowed", ctx.request().method() + " is not supported on "
                + ctx.request().path() + "; see /api/v1/openapi.json for the routes.");
    }

    public static void unavailable(RoutingContext ctx, String detail) {
        send(ctx, 503, "unavailable", "Service unavailable", detail);
    }

    public static void internal(RoutingContext ctx) {
        send(ctx, 500, "internal", "Internal server error", "The server failed; the log has the details. Try again later.");
    }
}
