package io.stocksense.cloud.telemetry.web;

import io.stocksense.cloud.auth.web.BearerAuthHandler;
import io.stocksense.cloud.ingest.LiveEvent;
import io.stocksense.cloud.ingest.LiveListener;
import io.stocksense.cloud.telemetry.api.AlarmView;
import io.stocksense.cloud.telemetry.store.AlarmStore;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code GET /api/v1/alarms?state=active|all&limit=}, {@code POST /api/v1/alarms/{id}/ack} and
 * {@code POST /api/v1/alarms/{id}/clear}. An action is recorded with the signed-in user and the time,
 * answered with the alarm, and pushed to every live dashboard as an {@code alarm} event.
 */
public final class AlarmRoutes {

    private final AlarmStore store;
    private final LiveListener live;

    public AlarmRoutes(AlarmStore store, LiveListener live) {
        this.store = store;
        this.live = live;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/alarms", "alarms:view", ctx -> {
            boolean activeOnly = activeOnly(Params.text(ctx, "state"));
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> store.list(activeOnly, limit));
        });
        routes.post("/api/v1/alarms/:id/ack", "alarms:edit", ctx -> act(ctx, id -> () -> store.acknowledge(id, user(ctx))));
        routes.post("/api/v1/alarms/:id/clear", "alarms:edit", ctx -> act(ctx, id -> () -> store.clear(id, user(ctx))));
    }

    private static boolean activeOnly(String state) {
        if (state == null || "active".equals(state)) {
            return true;
        }
        if ("all".equals(state)) {
            return false;
        }
        throw new BadParameterException("state must be 'active' or 'all', was '" + state + "'");
    }

    private void act(RoutingContext ctx, java.util.function.LongFunction<Callable<Optional<AlarmView>>> action) {
        long id = id(ctx);
        ctx.vertx().executeBlocking(action.apply(id), false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                Problems.send(ctx, 404, "not-found", "No such alarm", "there is no alarm " + id + "; GET /api/v1/alarms lists them");
            } else {
                live.committed(java.util.List.of(new LiveEvent(LiveEvent.ALARM, ar.result().get())));
                Responses.json(ctx, 200, ar.result().get());
            }
        });
    }

    private static long id(RoutingContext ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadParameterException("the alarm id must be a number, was '" + raw + "'");
        }
    }

    private static String user(RoutingContext ctx) {
        String user = ctx.get(BearerAuthHandler.USER_KEY);
        return user == null ? "unknown" : user;
    }
}
