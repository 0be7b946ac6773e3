package io.stocksense.cloud.auth.web;

import io.stocksense.cloud.auth.store.AuthStore;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Requires {@code Authorization: Bearer <token>} on the routes it guards, answering 401 problems
 * otherwise. The paths in {@code queryTokenPaths} (the SSE stream) also accept {@code ?access_token=},
 * because a browser's EventSource cannot set headers. The token lookup runs on a worker thread.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

    /** The user name (a String) of the authenticated caller. */
    public static final String USER_KEY = "stocksense.user";
    /** The authenticated caller's {@link io.stocksense.cloud.auth.domain.Principal}: roles and warehouse scope. */
    public static final String PRINCIPAL_KEY = "stocksense.principal";

    private final AuthStore store;
    private final Set<String> queryTokenPaths;

    public BearerAuthHandler(AuthStore store, Set<String> queryTokenPaths) {
        this.store = store;
        this.queryTokenPaths = Set.copyOf(queryTokenPaths);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = token(ctx);
        if (token == null) {
            Problems.unauthorized(ctx, "this call needs a bearer token: POST /api/v1/auth/token, then send"
                    + " 'Authorization: Bearer <access_token>'");
            return;
        }
        ctx.vertx().executeBlocking(() -> store.authenticate(token), false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                Problems.unauthorized(ctx, "the bearer token is unknown, expired or revoked; get a new one from POST /api/v1/auth/token");
            } else {
                ctx.put(USER_KEY, ar.result().get().username());
                ctx.put(PRINCIPAL_KEY, ar.result().get());
                ctx.next();
            }
        });
    }

    /** The bearer token of this request, or null. */
    public String token(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String t = header.substring(7).trim();
            return t.isEmpty() ? null : t;
        }
        if (queryTokenPaths.contains(ctx.request().path())) {
            String t = ctx.request().getParam("access_token");
            return t == null || t.isBlank() ? null : t.trim();
        }
        return null;
    }
}
