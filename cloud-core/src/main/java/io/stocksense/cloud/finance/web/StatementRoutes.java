package io.stocksense.cloud.finance.web;

import io.stocksense.cloud.documents.DocumentHttp;
import io.stocksense.cloud.finance.api.StatementReconciliation.TheirLine;
import io.stocksense.cloud.finance.store.Statements;
import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.RouteTable;

import java.time.LocalDate;
import java.util.List;

/**
 * Party statements over REST: {@code GET /api/v1/suppliers/{code}/statement?from=&to=} and
 * {@code /customers/{code}/statement}, and {@code POST .../statement/reconciliation} with the party's own
 * statement lines {@code {"from"?, "to"?, "lines": [{"reference"?, "date", "amount"}]}}. Read-only; 404
 * for an unknown party.
 */
public final class StatementRoutes {

    private final Statements statements;

    public StatementRoutes(Statements statements) {
        this.statements = statements;
    }

    public void mount(RouteTable routes) {
        mount(routes, "suppliers", Statements.SUPPLIER);
        mount(routes, "customers", Statements.CUSTOMER);
    }

    private void mount(RouteTable routes, String collection, String kind) {
        routes.get("/api/v1/" + collection + "/:code/statement", "statements:view", ctx -> {
            String code = ctx.pathParam("code");
            LocalDate from = DocumentHttp.date(ctx, "from");
            LocalDate to = DocumentHttp.date(ctx, "to");
            DocumentHttp.respond(ctx, 200, () -> statements.statement(kind, code, from, to));
        });
        routes.post("/api/v1/" + collection + "/:code/statement/reconciliation", "statements:create", ctx -> {
            String code = ctx.pathParam("code");
            JsonBody b = JsonBody.of(ctx, false);
            List<TheirLine> lines = b.objects("lines", true).stream().map(l -> {
                LocalDate date = l.date("date");
                if (date == null) {
                    throw new BadParameterException("every entry of lines needs date (ISO date of the line on the "
                            + kind + "'s statement) and amount (signed: invoices positive, payments and credits negative)");
                }
                return new TheirLine(l.optional("reference"), date, l.decimal("amount"));
            }).toList();
            LocalDate from = b.date("from");
            LocalDate to = b.date("to");
            DocumentHttp.respond(ctx, 200, () -> statements.reconcile(kind, code, from, to, lines));
        });
    }
}
