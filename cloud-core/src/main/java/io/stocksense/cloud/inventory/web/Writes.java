package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.auth.web.BearerAuthHandler;
import io.stocksense.cloud.catalog.store.JdbcCatalogLookup;
import io.stocksense.cloud.inventory.domain.InvalidStockRequestException;
import io.stocksense.cloud.inventory.domain.StockConflictException;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs a state-changing call on a worker thread and answers: {@code status} with its result, 404 when
 * it returns an empty {@link Optional}, 400 for a bad request, 409 for a conflict with the current
 * stock or document status, and otherwise as {@link Blocking#fail}.
 */
public final class Writes {

    private Writes() {
    }

    public static void respond(RoutingContext ctx, int status, Callable<?> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                Object result = ar.result();
                if (result instanceof Optional<?> o) {
                    if (o.isEmpty()) {
                        Problems.notFound(ctx);
                        return;
                    }
                    result = o.get();
                }
                Responses.json(ctx, status, result);
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    public static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof InvalidStockRequestException || cause instanceof BadParameterException) {
            Problems.badRequest(ctx, cause.getMessage());
        } else if (cause instanceof StockConflictException c) {
            Problems.send(ctx, 409, c.slug(), c.title(), c.getMessage(), c.extras());
        } else if (cause instanceof JdbcCatalogLookup.LookupFailedException e) {
            Blocking.fail(ctx, e.getCause());
        } else {
            Blocking.fail(ctx, cause);
        }
    }

    /** The authenticated user, set by {@link BearerAuthHandler} on every /api/v1 route. */
    public static String user(RoutingContext ctx) {
        String user = ctx.get(BearerAuthHandler.USER_KEY);
        return user == null ? "unknown" : user;
    }
}
