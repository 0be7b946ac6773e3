package io.stocksense.cloud.auth.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.domain.Principal;
import io.stocksense.cloud.auth.domain.UserRules;
import io.stocksense.cloud.auth.store.AuthStore;
import io.stocksense.cloud.auth.store.LoginService;
import io.stocksense.cloud.web.ApiException;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * The caller's own session: {@code POST /api/v1/auth/token} with {@code {"username","password"}} (public)
 * answers a bearer token, a 401 problem that does not say whether the user or the password was wrong, or
 * 429 with {@code Retry-After} while the name or the address is locked out. {@code GET /auth/me},
 * {@code POST /auth/password} (own password, needs the current one) and {@code POST /auth/revoke} (ends
 * the token used) need the {@code account} permissions every role has. bcrypt runs on a worker thread.
 */
public final class AuthRoutes {

    private final AuthStore store;
    private final LoginService logins;
    private final BearerAuthHandler bearer;

    public AuthRoutes(AuthStore store, LoginService logins, BearerAuthHandler bearer) {
        this.store = store;
        this.logins = logins;
        this.bearer = bearer;
    }

    /** The public token endpoint; mount before the bearer guard. */
    public void mountToken(RouteTable routes) {
        routes.publicPost("/api/v1/auth/token", this::token);
    }

    /** The caller's own session; mount after the bearer guard. */
    public void mountAccount(RouteTable routes) {
        routes.get("/api/v1/auth/me", "account:view", ctx -> {
            Principal p = PermissionGuard.principal(ctx);
            Responses.json(ctx, 200, Map.of("username", p.username(), "roles", p.roles().stream().map(r -> r.id()).sorted().toList(),
                    "warehouses", p.warehouses().stream().sorted().toList()));
        });
        routes.post("/api/v1/auth/password", "account:edit", this::changePassword);
        routes.post("/api/v1/auth/revoke", "account:delete", ctx -> {
            String token = bearer.token(ctx);
            ctx.vertx().executeBlocking(() -> store.revoke(token), false).onComplete(ar -> {
                if (ar.failed()) {
                    Blocking.fail(ctx, ar.cause());
                } else {
                    ctx.response().setStatusCode(204).end();
                }
            });
        });
    }

    private void token(RoutingContext ctx) {
        JsonNode body;
        try {
            body = UserRoutes.body(ctx);
        } catch (BadParameterException e) {
            Problems.badRequest(ctx, "the body must be JSON: {\"username\": \"...\", \"password\": \"...\"}");
            return;
        }
        if (!body.path("username").isTextual() || !body.path("password").isTextual()) {
            Problems.badRequest(ctx, "the body must be JSON with string fields username and password");
            return;
        }
        String username = body.get("username").asText();
        String password = body.get("password").asText();
        String ip = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
        ctx.vertx().executeBlocking(() -> logins.login(username, password, ip), false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
                return;
            }
            LoginService.Outcome o = ar.result();
            if (o.status() == 200) {
                Responses.json(ctx, 200, o.token());
            } else if (o.status() == 429) {
                ctx.response().putHeader("Retry-After", Long.toString(o.retryAfter().toSeconds()));
                Problems.send(ctx, 429, "too-many-attempts", "Too many login attempts", o.detail() + "; try again in "
                        + o.retryAfter().toSeconds() + " s", Map.of("retryAfterSeconds", o.retryAfter().toSeconds()));
            } else {
                Problems.unauthorized(ctx, o.detail());
            }
        });
    }

    private void changePassword(RoutingContext ctx) {
        JsonNode body = UserRoutes.body(ctx);
        String current = body.path("currentPassword").asText(null);
        String next = body.path("newPassword").asText(null);
        if (current == null) {
            throw new BadParameterException("currentPassword is required");
        }
        String problem = UserRules.passwordProblem("newPassword", next);
        if (problem != null) {
            throw new BadParameterException(problem);
        }
        String username = PermissionGuard.principal(ctx).username();
        ctx.vertx().executeBlocking(() -> {
            if (!store.checkPassword(username, current)) {
                throw new ApiException(403, "wrong-password", "Wrong password", "currentPassword is not your current password");
            }
            store.setPassword(username, next, java.util.Set.of());
            return true;
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }
}
