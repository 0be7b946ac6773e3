package io.stocksense.cloud.auth.web;

import io.stocksense.cloud.auth.domain.Principal;
import io.stocksense.cloud.web.ApiException;
import io.stocksense.cloud.web.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * The per-route permission check, run after {@link BearerAuthHandler}: the caller's roles must grant the
 * route's permission, otherwise a 403 problem names the missing permission. Also the warehouse-scope
 * check for stock queries and stock-changing operations. Runs on the event loop; never blocks.
 */
public final class PermissionGuard {

    /** The permission ({@code resource:action}) of the route that is serving the request. */
    public static final String PERMISSION_KEY = "stocksense.permission";

    private PermissionGuard() {
    }

    public static Handler<RoutingContext> require(String permission) {
        return ctx -> {
            Principal p = ctx.get(BearerAuthHandler.PRINCIPAL_KEY);
            if (p == null) {
                Problems.unauthorized(ctx, "this call needs a bearer token: POST /api/v1/auth/token");
                return;
            }
            ctx.put(PERMISSION_KEY, permission);
            if (p.can(permission)) {
                ctx.next();
            } else {
                Problems.send(ctx, 403, "forbidden", "Forbidden", "user '" + p.username() + "' (roles " + p.roles()
                        + ") lacks the permission " + permission + " that " + ctx.request().method() + " "
                        + ctx.request().path() + " needs", Map.of("missingPermission", permission));
            }
        };
    }

    /** The authenticated caller; only null on routes outside the bearer guard. */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(BearerAuthHandler.PRINCIPAL_KEY);
    }

    /** Throws a 403 {@link ApiException} unless every named warehouse (nulls skipped) is in the caller's scope. */
    public static void requireScope(RoutingContext ctx, String... warehouses) {
        Principal p = principal(ctx);
        if (p == null) {
            return;
        }
        for (String w : warehouses) {
            if (w != null && !p.inScope(w)) {
                throw new ApiException(403, "out-of-scope", "Warehouse out of scope", "user '" + p.username()
                        + "' may only work in warehouses " + p.warehouses() + ", not in '" + w + "'", Map.of("warehouse", w));
            }
        }
    }
}
