package io.stocksense.cloud.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.web.BearerAuthHandler;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Webhook subscriptions: {@code POST /api/v1/webhooks {"url","events":[...],"secret"}} (201),
 * {@code GET /api/v1/webhooks}, {@code GET|DELETE /api/v1/webhooks/{id}} and the delivery log
 * {@code GET /api/v1/webhooks/{id}/deliveries?limit=}. The secret (16 to 256 characters) keys the HMAC of every
 * request and is never returned. Bodies are checked on the event loop; JDBC runs on worker threads.
 */
public final class WebhookRoutes {

    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 256;

    private final WebhookStore store;

    public WebhookRoutes(WebhookStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/webhooks", "webhooks:create", this::create);
        routes.get("/api/v1/webhooks", "webhooks:view", ctx -> Blocking.json(ctx, store::list));
        routes.get("/api/v1/webhooks/:id", "webhooks:view", ctx -> {
            long id = id(ctx);
            answer(ctx, 200, () -> store.get(id));
        });
        routes.delete("/api/v1/webhooks/:id", "webhooks:delete", ctx -> {
            long id = id(ctx);
            ctx.vertx().executeBlocking(() -> store.delete(id), false).onComplete(ar -> {
                if (ar.failed()) {
                    Blocking.fail(ctx, ar.cause());
                } else if (ar.result()) {
                    ctx.response().setStatusCode(204).end();
                } else {
                    Problems.notFound(ctx);
                }
            });
        });
        routes.get("/api/v1/webhooks/:id/deliveries", "webhooks:view", ctx -> {
            long id = id(ctx);
            int limit = Params.limit(ctx, "limit", 100, 1000);
            answer(ctx, 200, () -> store.deliveries(id, limit));
        });
    }

    private void create(RoutingContext ctx) {
        JsonNode body = body(ctx);
        String url = text(body, "url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new BadParameterException("url is not a valid URI: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new BadParameterException("url must be an absolute http or https URL, was '" + url + "'");
        }
        List<String> events = events(body.get("events"));
        String secret = text(body, "secret");
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new BadParameterException("secret must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters (a random string the receiver also knows)");
        }
        String user = ctx.get(BearerAuthHandler.USER_KEY);
        answer(ctx, 201, () -> Optional.of(store.create(url, events, secret, user == null ? "unknown" : user)));
    }

    private static List<String> events(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new BadParameterException("events must be a non-empty array of event types, any of " + WebhookEvents.ALL);
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || !WebhookEvents.ALL.contains(e.asText())) {
                throw new BadParameterException("events: unknown event type " + e + "; valid are " + WebhookEvents.ALL);
            }
            out.add(e.asText());
        }
        return new ArrayList<>(out);
    }

    private static JsonNode body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        try {
            JsonNode n = text == null || text.isBlank() ? null : ApiJson.MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadParameterException("the body must be a JSON object {\"url\",\"events\",\"secret\"}");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadParameterException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadParameterException(field + " is required (a non-blank string)");
        }
        return v.asText().trim();
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadParameterException("the webhook id must be a number, was '" + ctx.pathParam("id") + "'");
        }
    }

    /** Runs {@code work} on a worker thread: its value with {@code status}, or 404 when it is empty. */
    private static void answer(RoutingContext ctx, int status, Callable<Optional<?>> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                Problems.notFound(ctx);
            } else {
                Responses.json(ctx, status, ar.result().get());
            }
        });
    }
}
