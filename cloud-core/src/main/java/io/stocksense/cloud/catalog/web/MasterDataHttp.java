package io.stocksense.cloud.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.catalog.api.Page;
import io.stocksense.cloud.catalog.domain.CsvImportPlan;
import io.stocksense.cloud.catalog.domain.FieldError;
import io.stocksense.cloud.catalog.domain.MasterDataConflictException;
import io.stocksense.cloud.catalog.domain.MasterDataNotFoundException;
import io.stocksense.cloud.catalog.domain.ValidationException;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Problems;
import io.stocksense.cloud.web.Responses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The HTTP conventions of the master-data resources: JSON bodies checked for unknown fields, paging
 * through {@code page}/{@code size} with the total in {@code X-Total-Count}, and problem+json for
 * invalid fields (400, with an {@code errors} list naming each field), missing records (404) and
 * conflicts (409). Blocking work runs on worker threads.
 */
final class MasterDataHttp {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private MasterDataHttp() {
    }

    /** Runs blocking work, hands its result to {@code done} on the event loop, or answers with a problem. */
    static <T> void run(RoutingContext ctx, Callable<T> work, Handler<T> done) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                done.handle(ar.result());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof ValidationException) {
            invalid(ctx, ((ValidationException) cause).errors());
        } else if (cause instanceof MasterDataNotFoundException) {
            Problems.send(ctx, 404, "not-found", "Not found", cause.getMessage());
        } else if (cause instanceof MasterDataConflictException) {
            Problems.send(ctx, 409, "conflict", "Conflict", cause.getMessage());
        } else if (cause instanceof CsvImportPlan.BadFileException) {
            Problems.send(ctx, 400, "bad-csv", "Unusable CSV file", cause.getMessage());
        } else {
            Blocking.fail(ctx, cause);
        }
    }

    /** 400 problem whose detail names every invalid field and whose {@code errors} lists them. */
    static void invalid(RoutingContext ctx, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:stocksense:problem:invalid-fields");
        body.put("title", "Invalid fields");
        body.put("status", 400);
        body.put("detail", new ValidationException(errors).getMessage());
        body.put("instance", ctx.request().path());
        body.put("errors", errors);
        ctx.response().setStatusCode(400).putHeader("Content-Type", Problems.CONTENT_TYPE).end(ApiJson.write(body));
    }

    /** The body as a JSON object whose top-level names are all in {@code fields}. */
    static ObjectNode object(RoutingContext ctx, List<String> fields, String noun) {
        JsonNode n;
        try {
            String text = ctx.body() == null ? null : ctx.body().asString();
            n = text == null || text.isBlank() ? null : ApiJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ValidationException("body", "must be a JSON object: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new ValidationException("body", "must be a JSON object with the fields of a " + noun);
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                throw new ValidationException(f, "is not a field of a " + noun + "; the fields are " + String.join(", ", fields));
            }
        });
        return (ObjectNode) n;
    }

    static int page(RoutingContext ctx) {
        return Params.limit(ctx, "page", 1, Integer.MAX_VALUE / MAX_SIZE);
    }

    static int size(RoutingContext ctx) {
        return Params.limit(ctx, "size", DEFAULT_SIZE, MAX_SIZE);
    }

    static Boolean active(RoutingContext ctx) {
        String v = Params.text(ctx, "active");
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new ValidationException("active", "must be true or false, was '" + v + "'");
        }
        return Boolean.valueOf(v);
    }

    /** Answers a page as a plain JSON array; the paging facts travel in headers. */
    static void page(RoutingContext ctx, Page<?> page, List<?> items) {
        Responses.page(ctx, page.page(), page.size(), page.total(), items);
    }

    static void json(RoutingContext ctx, int status, Object body) {
        Responses.json(ctx, status, body);
    }

    static void created(RoutingContext ctx, String location, Object body) {
        ctx.response().putHeader("Location", location);
        json(ctx, 201, body);
    }

    static void csv(RoutingContext ctx, String fileName, String text) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", "no-store").end(text);
    }
}
