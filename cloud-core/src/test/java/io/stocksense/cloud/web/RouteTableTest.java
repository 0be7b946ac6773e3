package io.stocksense.cloud.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static RouteTable table() {
        return new RouteTable(Router.router(vertx), permission -> ctx -> ctx.next());
    }

    @Test
    void anApiRouteWithoutAPermissionIsRefusedNamingTheRoute() {
        RouteTable routes = table();
        assertThatThrownBy(() -> routes.post("/api/v1/things", ctx -> ctx.end()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("POST /api/v1/things")
                .hasMessageContaining("declares no permission");
        assertThatThrownBy(() -> routes.get("/api/v1/things/:id", ctx -> ctx.end()))
                .hasMessageContaining("GET /api/v1/things/:id");
    }

    @Test
    void aBadPermissionIsRefused() {
        assertThatThrownBy(() -> table().get("/api/v1/things", "things:read", ctx -> ctx.end()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("things:read");
    }

    @Test
    void declaredPublicAndOperationsRoutesAreAccepted() {
        RouteTable routes = table();
        routes.get("/api/v1/things", "things:view", ctx -> ctx.end());
        routes.publicPost("/api/v1/auth/token", ctx -> ctx.end());
        routes.get("/health", ctx -> ctx.end());
        assertThat(routes.permissions()).containsExactly(java.util.Map.entry("GET /api/v1/things", "things:view"));
    }
}
