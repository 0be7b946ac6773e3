package io.stocksense.cloud.auth.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.api.UserView;
import io.stocksense.cloud.auth.domain.UserRules;
import io.stocksense.cloud.auth.store.UserStore;
import io.stocksense.cloud.web.ApiException;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * User management (the {@code users} permissions; by default only admin):
 * {@code GET|POST /api/v1/users}, {@code GET|PATCH|DELETE /api/v1/users/{username}} and
 * {@code PUT /api/v1/users/{username}/password} (a reset: the user's tokens are revoked). Bodies are
 * checked on the event loop (400 naming the field); bcrypt and JDBC run on worker threads.
 */
public final class UserRoutes {

    private static final String ITEM = "/api/v1/users/:username";

    private final UserStore users;

    public UserRoutes(UserStore users) {
        this.users = users;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/users", "users:view", ctx -> Blocking.json(ctx, users::list));
        routes.post("/api/v1/users", "users:create", this::create);
        routes.get(ITEM, "users:view", ctx -> respond(ctx, 200, () -> users.find(ctx.pathParam("username"))));
        routes.patch(ITEM, "users:edit", this::update);
        routes.delete(ITEM, "users:delete", ctx -> {
            String username = ctx.pathParam("username");
            respond(ctx, 204, () -> users.delete(username) ? Optional.of(true) : Optional.empty());
        });
        routes.put(ITEM + "/password", "users:edit", ctx -> {
            String password = body(ctx).path("password").asText(null);
            check(UserRules.passwordProblem("password", password));
            String username = ctx.pathParam("username");
            respond(ctx, 204, () -> users.resetPassword(username, password) ? Optional.of(true) : Optional.empty());
        });
    }

    private void create(RoutingContext ctx) {
        JsonNode b = body(ctx);
        String username = b.path("username").asText(null);
        String password = b.path("password").asText(null);
        check(UserRules.usernameProblem(username));
        check(UserRules.passwordProblem("password", password));
        List<String> roles = roles(b.get("roles"));
        List<String> warehouses = UserRules.warehouses(texts(b.get("warehouses"), "warehouses"));
        respond(ctx, 201, () -> {
            Optional<UserView> created = users.create(username, password, roles, warehouses);
            if (created.isEmpty()) {
                throw ApiException.conflict("user '" + username + "' exists already");
            }
            return created;
        });
    }

    private void update(RoutingContext ctx) {
        JsonNode b = body(ctx);
        if (b.has("username") || b.has("password")) {
            throw new BadParameterException("PATCH changes roles and warehouses only; set a password with PUT "
                    + ctx.request().path() + "/password");
        }
        List<String> roles = b.has("roles") ? roles(b.get("roles")) : null;
        List<String> warehouses = b.has("warehouses") ? UserRules.warehouses(texts(b.get("warehouses"), "warehouses")) : null;
        String username = ctx.pathParam("username");
        respond(ctx, 200, () -> users.update(username, roles, warehouses));
    }

    /** Runs {@code work}; an empty Optional is 404, the store's refusals are 400/409 problems. */
    private static void respond(RoutingContext ctx, int status, Callable<Optional<?>> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                Throwable e = ar.cause();
                Blocking.fail(ctx, e instanceof UserStore.LastAdminException ? ApiException.conflict(e.getMessage())
                        : e instanceof UserStore.UnknownWarehouseException ? new BadParameterException(e.getMessage()) : e);
            } else if (ar.result().isEmpty()) {
                Blocking.fail(ctx, ApiException.notFound("no user '" + ctx.pathParam("username") + "'"));
            } else if (status == 204) {
                ctx.response().setStatusCode(204).end();
            } else {
                if (status == 201 && ar.result().get() instanceof UserView u) {
                    ctx.response().putHeader("Location", "/api/v1/users/" + u.username());
                }
                Responses.json(ctx, status, ar.result().get());
            }
        });
    }

    private static List<String> roles(JsonNode n) {
        try {
            return UserRules.roles(texts(n, "roles"));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(e.getMessage());
        }
    }

    private static List<String> texts(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new BadParameterException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new BadParameterException(field + " must be an array of non-blank strings");
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    private static void check(String problem) {
        if (problem != null) {
            throw new BadParameterException(problem);
        }
    }

    /** The request body as a JSON object, or a 400 saying what is wrong. */
    static JsonNode body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new BadParameterException("the body must be a JSON object; see /api/v1/openapi.json");
        }
        try {
            JsonNode n = ApiJson.MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadParameterException("the body must be a JSON object; see /api/v1/openapi.json");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadParameterException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
