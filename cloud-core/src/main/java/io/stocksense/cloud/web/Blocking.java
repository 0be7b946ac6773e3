package io.stocksense.cloud.web;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Runs a blocking (JDBC) call on a Vert.x worker thread, never the event loop, and answers with its
 * result as JSON or with a problem: 400 for a bad parameter, the status of an {@link ApiException}, 503 when the database is unreachable,
 * 500 otherwise.
 */
public final class Blocking {

    private static final Logger LOG = LoggerFactory.getLogger(Blocking.class);

    private Blocking() {
    }

    public static void json(RoutingContext ctx, Callable<?> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.json(ctx, 200, ar.result());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    public static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof BadParameterException) {
            Problems.badRequest(ctx, cause.getMessage());
        } else if (cause instanceof ApiException api) {
            api.send(ctx);
        } else if (cause instanceof SQLException sql && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
            LOG.warn("{} {}: database unavailable: {}", ctx.request().method(), ctx.request().path(), sql.getMessage());
            Problems.unavailable(ctx, "The database is unavailable; try again shortly.");
        } else {
            LOG.warn("{} {} failed", ctx.request().method(), ctx.request().path(), cause);
            Problems.internal(ctx);
        }
    }
}
