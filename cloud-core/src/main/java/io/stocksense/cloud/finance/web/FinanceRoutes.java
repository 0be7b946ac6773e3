package io.stocksense.cloud.finance.web;

import io.stocksense.cloud.documents.DocumentHttp;
import io.stocksense.cloud.documents.DocumentLine;
import io.stocksense.cloud.finance.store.FinanceQueries;
import io.stocksense.cloud.finance.store.FinanceReports;
import io.stocksense.cloud.finance.store.InvoiceStore;
import io.stocksense.cloud.finance.store.PaymentStore;
import io.stocksense.cloud.inventory.web.JsonBody;
import io.stocksense.cloud.inventory.web.Writes;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finance over REST: customer invoices ({@code /api/v1/invoices}), supplier invoices, payments, the
 * journal, costing per product and the reports ({@code /api/v1/reports/trial-balance},
 * {@code profit-and-loss}, {@code balance-summary}, {@code ar-ageing}, {@code ap-ageing},
 * {@code gross-profit}).
 */
public final class FinanceRoutes {

    private static final Set<String> METHODS = Set.of("cash", "bank", "card");

    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final FinanceReports reports;
    private final FinanceQueries queries;

    public FinanceRoutes(InvoiceStore invoices, PaymentStore payments, FinanceReports reports, FinanceQueries queries) {
        this.invoices = invoices;
        this.payments = payments;
        this.reports = reports;
        this.queries = queries;
    }

    public void mount(RouteTable routes) {
        routes.post("/api/v1/invoices", "invoices:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            long so = b.integer("salesOrder", -1);
            if (so < 1) {
                throw new BadParameterException("salesOrder is required (the id of the sales order to bill)");
            }
            int dueDays = (int) b.integer("dueDays", 30);
            DocumentHttp.respond(ctx, 201, () -> invoices.invoiceSalesOrder(so, b.date("date"), dueDays, Writes.user(ctx)));
        });
        routes.get("/api/v1/invoices", "invoices:view", ctx -> {
            String customer = Params.text(ctx, "customer");
            boolean open = "true".equals(Params.text(ctx, "open"));
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> invoices.customerInvoices(customer, open, limit));
        });
        routes.get("/api/v1/invoices/:id", "invoices:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> invoices.customerInvoice(id));
        });
        routes.post("/api/v1/supplier-invoices", "supplier-invoices:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            long po = b.integer("purchaseOrder", -1);
            if (po < 1) {
                throw new BadParameterException("purchaseOrder is required (the id of the purchase order billed)");
            }
            List<DocumentLine> lines = DocumentHttp.lines(b);
            Map<Integer, BigDecimal> prices = new HashMap<>();
            b.objects("lines", true).forEach(l -> {
                BigDecimal p = l.decimal("unitPrice", null);
                if (p != null) {
                    prices.put((int) l.integer("line", -1), p);
                }
            });
            int dueDays = (int) b.integer("dueDays", 30);
            DocumentHttp.respond(ctx, 201, () -> invoices.supplierInvoice(po, b.optional("supplierReference"), b.date("date"),
                    dueDays, lines, prices, Writes.user(ctx)));
        });
        routes.get("/api/v1/supplier-invoices", "supplier-invoices:view", ctx -> {
            String supplier = Params.text(ctx, "supplier");
            boolean open = "true".equals(Params.text(ctx, "open"));
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> invoices.supplierInvoices(supplier, open, limit));
        });
        routes.get("/api/v1/supplier-invoices/:id", "supplier-invoices:view", ctx -> {
            long id = DocumentHttp.id(ctx, "id");
            DocumentHttp.respond(ctx, 200, () -> invoices.supplierInvoice(id));
        });
        mountPayments(routes);
        mountReports(routes);
    }

    private void mountPayments(RouteTable routes) {
        routes.post("/api/v1/payments", "payments:create", ctx -> {
            JsonBody b = JsonBody.of(ctx, false);
            String direction = b.required("direction");
            if (!direction.equals("in") && !direction.equals("out")) {
                throw new BadParameterException("direction must be in (from a customer) or out (to a supplier)");
            }
            String method = b.optional("method") == null ? "bank" : b.optional("method");
            if (!METHODS.contains(method)) {
                throw new BadParameterException("method must be cash, bank or card, was '" + method + "'");
            }
            String party = b.required("party");
            BigDecimal amount = b.decimal("amount");
            String currency = b.required("currency");
            List<String> invoiceNumbers = b.strings("invoices");
            DocumentHttp.respond(ctx, 201, () -> payments.record(direction, party, method, amount, currency, b.date("date"),
                    b.optional("reference"), invoiceNumbers, Writes.user(ctx)));
        });
        routes.get("/api/v1/payments", "payments:view", ctx -> {
            String party = Params.text(ctx, "party");
            int limit = Params.limit(ctx, "limit", 100, 1000);
            Blocking.json(ctx, () -> payments.list(party, limit));
        });
    }

    private void mountReports(RouteTable routes) {
        routes.get("/api/v1/journal", "journal:view", ctx -> {
            LocalDate from = DocumentHttp.date(ctx, "from");
            LocalDate to = DocumentHttp.date(ctx, "to");
            String doc = Params.text(ctx, "document");
            int limit = Params.limit(ctx, "limit", 1000, 10000);
            Blocking.json(ctx, () -> queries.journal(from, to, doc, limit));
        });
        routes.get("/api/v1/costing/:sku", "costing:view", ctx -> {
            String sku = ctx.pathParam("sku");
            DocumentHttp.respond(ctx, 200, () -> queries.costing(sku));
        });
        routes.put("/api/v1/costing/:sku", "costing:edit", ctx -> {
            String sku = ctx.pathParam("sku");
            String method = JsonBody.of(ctx, false).required("method");
            DocumentHttp.respond(ctx, 200, () -> queries.setMethod(sku, method));
        });
        routes.get("/api/v1/reports/trial-balance", "reports:view", ctx -> {
            LocalDate from = DocumentHttp.date(ctx, "from");
            LocalDate to = DocumentHttp.date(ctx, "to");
            Blocking.json(ctx, () -> reports.trialBalance(from, to));
        });
        routes.get("/api/v1/reports/profit-and-loss", "reports:view", ctx -> {
            LocalDate from = DocumentHttp.date(ctx, "from");
            LocalDate to = DocumentHttp.date(ctx, "to");
            Blocking.json(ctx, () -> reports.profitAndLoss(from, to));
        });
        routes.get("/api/v1/reports/balance-summary", "reports:view", ctx -> {
            LocalDate asOf = DocumentHttp.date(ctx, "asOf");
            Blocking.json(ctx, () -> reports.balanceSummary(asOf));
        });
        routes.get("/api/v1/reports/ar-ageing", "reports:view", ctx -> {
            LocalDate asOf = DocumentHttp.date(ctx, "asOf");
            Blocking.json(ctx, () -> reports.ageing(true, asOf));
        });
        routes.get("/api/v1/reports/ap-ageing", "reports:view", ctx -> {
            LocalDate asOf = DocumentHttp.date(ctx, "asOf");
            Blocking.json(ctx, () -> reports.ageing(false, asOf));
        });
        routes.get("/api/v1/reports/gross-profit", "reports:view", ctx -> {
            LocalDate from = DocumentHttp.date(ctx, "from");
            LocalDate to = DocumentHttp.date(ctx, "to");
            Blocking.json(ctx, () -> reports.grossProfit(from, to));
        });
    }
}
