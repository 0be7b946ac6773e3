package io.stocksense.cloud.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registers exact-path routes and remembers which methods each path allows, so the final fallback can
 * tell "no such resource" (404) from "wrong method" (405 with an {@code Allow} header). Vert.x's own
 * decision depends on the order and shape of every route (static files, auth guards), so it is not used.
 *
 * <p>Every route under {@code /api/} declares a permission ({@code "resource:action"}); the guard made
 * for it runs before the route's handler (and after the bearer check, which is mounted first). A route
 * under {@code /api/} without a permission is refused at registration, so such a server does not start.
 * The few public API routes (the token endpoint, the OpenAPI document) are registered with
 * {@link #publicGet}/{@link #publicPost}.
 */
public final class RouteTable {

    private final Router router;
    private final Function<String, Handler<RoutingContext>> guards;
    private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();
    private final Map<String, String> permissions = new ConcurrentHashMap<>();

    /**
     * @param guards makes the handler that checks one permission; it calls {@code next()} when the caller
     *               holds it and answers 403 otherwise
     */
    public RouteTable(Router router, Function<String, Handler<RoutingContext>> guards) {
        this.router = router;
        this.guards = guards;
    }

    public Router router() {
        return router;
    }

    /**
     * Routes declared with a permission: {@code "resource:action"}, action one of view, create, edit,
     * approve, delete (for example {@code "products:view"}, {@code "purchase-orders:approve"}).
     */
    public void get(String path, String permission, Handler<RoutingContext> handler) {
        declare(HttpMethod.GET, path, permission);
        get(path, handler);
    }

    public void post(String path, String permission, Handler<RoutingContext> handler) {
        declare(HttpMethod.POST, path, permission);
        post(path, handler);
    }

    public void put(String path, String permission, Handler<RoutingContext> handler) {
        declare(HttpMethod.PUT, path, permission);
        put(path, handler);
    }

    public void patch(String path, String permission, Handler<RoutingContext> handler) {
        declare(HttpMethod.PATCH, path, permission);
        patch(path, handler);
    }

    public void delete(String path, String permission, Handler<RoutingContext> handler) {
        declare(HttpMethod.DELETE, path, permission);
        delete(path, handler);
    }

    /** The permission each route declared, keyed "METHOD path". */
    public Map<String, String> permissions() {
        return Map.copyOf(permissions);
    }

    private void declare(HttpMethod method, String path, String permission) {
        if (permission == null || !permission.matches("[a-z][a-z0-9-]*:(view|create|edit|approve|delete)")) {
            throw new IllegalArgumentException("route " + method + " " + path + " declares a bad permission: " + permission);
        }
        permissions.put(method.name() + " " + path, permission);
        router.route(method, path).handler(guards.apply(permission));
    }

    /** An {@code /api/} route that needs no token and no permission (the token endpoint, the OpenAPI document). */
    public void publicGet(String path, Handler<RoutingContext> handler) {
        addRoute(HttpMethod.GET, path, handler);
        allowed.computeIfAbsent(path, p -> new TreeSet<>()).add(HttpMethod.HEAD.name());
    }

    public void publicPost(String path, Handler<RoutingContext> handler) {
        addRoute(HttpMethod.POST, path, handler);
    }

    public void get(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.GET, path, handler);
        allowed.computeIfAbsent(path, p -> new TreeSet<>()).add(HttpMethod.HEAD.name());
    }

    public void post(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.POST, path, handler);
    }

    public void put(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.PUT, path, handler);
    }

    public void patch(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.PATCH, path, handler);
    }

    public void delete(String path, Handler<RoutingContext> handler) {
        add(HttpMethod.DELETE, path, handler);
    }

    /** Routes outside {@code /api/} (health, readiness, metrics) need no permission. */
    private void add(HttpMethod method, String path, Handler<RoutingContext> handler) {
        if (path.startsWith("/api/") && !permissions.containsKey(method.name() + " " + path)) {
            throw new IllegalStateException("route " + method + " " + path + " declares no permission; register it with"
                    + " routes." + method.name().toLowerCase(java.util.Locale.ROOT) + "(path, \"resource:action\", handler)");
        }
        addRoute(method, path, handler);
    }

    private void addRoute(HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        allowed.computeIfAbsent(path, p -> new TreeSet<>()).add(method.name());
    }

    /** The last handler of the router: every request that nothing answered ends here. */
    public void fallback(RoutingContext ctx) {
        Set<String> methods = allowed.get(ctx.normalizedPath());
        if (methods == null) {
            Problems.notFound(ctx);
        } else {
            ctx.response().putHeader("Allow", methods.stream().collect(Collectors.joining(", ")));
            Problems.methodNotAllowed(ctx);
        }
    }
}
