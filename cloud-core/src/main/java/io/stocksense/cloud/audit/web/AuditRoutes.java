package io.stocksense.cloud.audit.web;

import io.stocksense.cloud.audit.api.AuditView;
import io.stocksense.cloud.audit.domain.AuditQuery;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.catalog.domain.Csv;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit log over HTTP (permission {@code audit:view}: admin and auditor): {@code GET /api/v1/audit}
 * ({@code user}, {@code resource}, {@code from}, {@code to}, {@code page}, {@code size}; newest first,
 * total in {@code X-Total-Count}), {@code GET /api/v1/audit/export} (the same filters, CSV, oldest first)
 * and {@code GET /api/v1/audit/verify} ({@code {ok, firstBadEntry, checked, reason}}).
 */
public final class AuditRoutes {

    static final List<String> CSV_COLUMNS = List.of("id", "at", "actor", "actor_kind", "ip", "action", "resource",
            "resource_id", "status", "before", "after", "hash");
    private static final int MAX_SIZE = 1000;

    private final AuditStore store;

    public AuditRoutes(AuditStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.get("/api/v1/audit", "audit:view", ctx -> {
            AuditQuery q = query(ctx);
            ctx.vertx().executeBlocking(() -> store.search(q), false).onComplete(ar -> {
                if (ar.failed()) {
                    Blocking.fail(ctx, ar.cause());
                } else {
                    Responses.page(ctx, q.page(), q.size(), ar.result().total(), ar.result().rows());
                }
            });
        });
        routes.get("/api/v1/audit/export", "audit:view", ctx -> {
            AuditQuery q = query(ctx);
            ctx.vertx().executeBlocking(() -> csv(q), false).onComplete(ar -> {
                if (ar.failed()) {
                    Blocking.fail(ctx, ar.cause());
                } else {
                    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/csv; charset=utf-8")
                            .putHeader("Content-Disposition", "attachment; filename=\"audit.csv\"")
                            .putHeader("Cache-Control", "no-store").end(ar.result());
                }
            });
        });
        routes.get("/api/v1/audit/verify", "audit:view", ctx -> Blocking.json(ctx, store::verify));
    }

    private String csv(AuditQuery q) throws java.sql.SQLException {
        StringBuilder sb = new StringBuilder(Csv.line(CSV_COLUMNS));
        store.each(q, v -> sb.append(Csv.line(row(v))));
        return sb.toString();
    }

    private static List<String> row(AuditView v) {
        return new ArrayList<>(Arrays.asList(Long.toString(v.id()), v.at().toString(), v.actor(), v.actorKind(), v.ip(),
                v.action(), v.resource(), v.resourceId(), v.status() == null ? null : v.status().toString(), v.before(),
                v.after(), v.hash()));
    }

    private static AuditQuery query(RoutingContext ctx) {
        java.time.Instant from = Params.instant(ctx, "from");
        java.time.Instant to = Params.instant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameterException("from must be before to");
        }
        return new AuditQuery(Params.text(ctx, "user"), Params.text(ctx, "resource"), from, to,
                Params.limit(ctx, "page", 1, Integer.MAX_VALUE / MAX_SIZE), Params.limit(ctx, "size", 100, MAX_SIZE));
    }
}
