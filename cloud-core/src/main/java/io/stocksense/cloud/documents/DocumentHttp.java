package io.stocksense.cloud.documents;

import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.inventory.web.Writes;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * HTTP answers of the business documents: as {@link Writes#respond} (404 for an empty Optional, 400,
 * 409 conflicts, 503 when the database is down), plus 403 for {@link ForbiddenActionException}.
 */
public final class DocumentHttp {

    private DocumentHttp() {
    }

    /** Runs {@code work} on a worker thread and answers {@code status} with its result, or a problem. */
    public static void respond(RoutingContext ctx, int status, Callable<?> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed() && ar.cause() instanceof ForbiddenActionException e) {
                Problems.send(ctx, 403, e.slug(), "Forbidden", e.getMessage());
            } else if (ar.failed()) {
                Writes.fail(ctx, ar.cause());
            } else if (ar.result() instanceof Optional<?> o && o.isEmpty()) {
                Problems.notFound(ctx);
            } else {
                Responses.json(ctx, status, ar.result() instanceof Optional<?> o ? o.get() : ar.result());
            }
        });
    }

    /** The numeric path parameter {@code name}, or a 400 problem. */
    public static long id(RoutingContext ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + " must be a number, was '" + v + "'");
        }
    }

    /** An ISO date query parameter, or null. */
    public static LocalDate date(RoutingContext ctx, String name) {
        String v = Params.text(ctx, name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name + " must be an ISO-8601 date such as 2026-03-31, was '" + v + "'");
        }
    }

    /** {@code lines: [{"line": 1, "quantity": 5}]}, each document line at most once. */
    public static List<DocumentLine> lines(JsonBody b) {
        List<DocumentLine> lines = b.objects("lines", true).stream()
                .map(l -> new DocumentLine((int) l.integer("line", -1), l.decimal("quantity"))).toList();
        if (lines.stream().anyMatch(l -> l.line() < 1)) {
            throw new BadParameterException("every entry of lines needs line (the document's line number, from 1)");
        }
        if (lines.stream().map(DocumentLine::line).distinct().count() != lines.size()) {
            throw new BadParameterException("lines names a line twice; give each line once with its total quantity");
        }
        return lines;
    }

    /** The {@code status} query parameter, one of {@code allowed}, or null. */
    public static String status(RoutingContext ctx, Set<String> allowed) {
        String s = Params.text(ctx, "status");
        if (s != null && !allowed.contains(s)) {
            throw new BadParameterException("status must be one of " + allowed.stream().sorted().toList() + ", was '" + s + "'");
        }
        return s;
    }
}
