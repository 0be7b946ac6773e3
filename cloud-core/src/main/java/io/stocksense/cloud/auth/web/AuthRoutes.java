package io.stocksense.cloud.auth.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.store.AuthStore;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.RouteTable;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;

/**
 * {@code POST /api/v1/auth/token} with {@code {"username","password"}}: a bearer token, or a 401
 * problem that does not say whether the user or the password was wrong. bcrypt runs on a worker thread.
 */
public final class AuthRoutes {

    private final AuthStore store;

    public AuthRoutes(AuthStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/auth/token", this::token);
    }

    private void token(RoutingContext ctx) {
        JsonNode body;
        try {
            String text = ctx.body() == null ? null : ctx.body().asString();
            body = text == null || text.isBlank() ? null : ApiJson.MAPPER.readTree(text);
        } catch (IOException e) {
            Problems.badRequest(ctx, "the body must be JSON: {\"username\": \"...\", \"password\": \"...\"}");
            return;
        }
        if (body == null || !body.path("username").isTextual() || !body.path("password").isTextual()) {
            Problems.badRequest(ctx, "the body must be JSON with string fields username and password");
            return;
        }
        String username = body.get("username").asText();
        String password = body.get("password").asText();
        ctx.vertx().executeBlocking(() -> store.issueToken(username, password), false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                Problems.unauthorized(ctx, "wrong username or password");
            } else {
                Responses.json(ctx, 200, ar.result().get());
            }
        });
    }
}
