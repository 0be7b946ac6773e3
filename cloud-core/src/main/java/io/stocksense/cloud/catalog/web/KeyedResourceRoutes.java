package io.stocksense.cloud.catalog.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.catalog.api.Page;
import io.stocksense.cloud.catalog.domain.CsvImportPlan;
import io.stocksense.cloud.catalog.domain.CsvMapping;
import io.stocksense.cloud.catalog.domain.FieldSource;
import io.stocksense.cloud.catalog.domain.MasterDataNotFoundException;
import io.stocksense.cloud.catalog.domain.Validated;
import io.stocksense.cloud.catalog.domain.ValidationException;
import io.stocksense.cloud.catalog.store.KeyedTable;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.Responses;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One keyed master-data collection over HTTP ({@code /api/v1/products}, {@code customers},
 * {@code suppliers}): list with {@code q}/{@code page}/{@code size}/{@code active}, create, read,
 * replace (PUT), merge (PATCH), delete, and CSV import/export. Handlers run on the event loop and do
 * their JDBC on worker threads; every failure is a problem+json answer.
 */
final class KeyedResourceRoutes<T> {

    /** CSV imports may be large (10,000 rows is about 1.5 MB); every other /api body stays at 64 KiB. */
    static final int IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

    private final String path;
    private final String noun;
    private final String keyField;
    private final List<String> fields;
    private final KeyedTable<T> table;
    private final Function<FieldSource, Validated<T>> reader;
    private final Function<T, Object> view;
    private final Function<T, String> key;
    private final CsvMapping<T> csv;

    KeyedResourceRoutes(String path, String noun, String keyField, List<String> fields, KeyedTable<T> table,
                        Function<FieldSource, Validated<T>> reader, Function<T, Object> view, Function<T, String> key,
                        CsvMapping<T> csv) {
        this.path = path;
        this.noun = noun;
        this.keyField = keyField;
        this.fields = fields;
        this.table = table;
        this.reader = reader;
        this.view = view;
        this.key = key;
        this.csv = csv;
    }

    void mount(RouteTable routes) {
        String item = path + "/:key";
        String resource = path.substring(path.lastIndexOf('/') + 1);
        routes.get(path, resource + ":view", guard(this::list));
        routes.post(path, resource + ":create", guard(this::create));
        routes.get(path + "/export", resource + ":view", guard(this::export));
        routes.router().post(path + "/import").handler(BodyHandler.create().setBodyLimit(IMPORT_BODY_LIMIT)
                .setHandleFileUploads(false));
        routes.post(path + "/import", resource + ":create", guard(this::importCsv));
        routes.get(item, resource + ":view", guard(ctx -> MasterDataHttp.run(ctx, () -> find(ctx.pathParam("key")),
                v -> MasterDataHttp.json(ctx, 200, view.apply(v)))));
        routes.put(item, resource + ":edit", guard(this::replace));
        routes.patch(item, resource + ":edit", guard(this::merge));
        routes.delete(item, resource + ":delete", guard(this::delete));
    }

    static Handler<RoutingContext> guard(Handler<RoutingContext> h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (RuntimeException e) {
                MasterDataHttp.fail(ctx, e);
            }
        };
    }

    private void list(RoutingContext ctx) {
        String q = Params.text(ctx, "q");
        Boolean active = MasterDataHttp.active(ctx);
        int page = MasterDataHttp.page(ctx);
        int size = MasterDataHttp.size(ctx);
        MasterDataHttp.run(ctx, () -> table.search(q, active, page, size),
                (Page<T> p) -> MasterDataHttp.page(ctx, p, p.items().stream().map(view).toList()));
    }

    private void create(RoutingContext ctx) {
        T value = valid(MasterDataHttp.object(ctx, fields, noun));
        MasterDataHttp.run(ctx, () -> {
            table.create(value);
            return value;
        }, v -> MasterDataHttp.created(ctx, path + "/" + key.apply(v), view.apply(v)));
    }

    private void replace(RoutingContext ctx) {
        ObjectNode body = MasterDataHttp.object(ctx, fields, noun);
        String k = ctx.pathParam("key");
        if (body.hasNonNull(keyField) && !body.get(keyField).asText().equals(k)) {
            throw new ValidationException(keyField, "must match the URL ('" + k + "') or be left out; keys cannot be renamed");
        }
        body.put(keyField, k);
        T value = valid(body);
        MasterDataHttp.run(ctx, () -> {
            Responses.auditBefore(ctx, table.find(k).map(view).orElse(null));
            if (!table.update(value)) {
                throw notFound(k);
            }
            return value;
        }, v -> MasterDataHttp.json(ctx, 200, view.apply(v)));
    }

    /** PATCH: the stored record's fields overlaid with the body's (JSON merge patch), then validated whole. */
    private void merge(RoutingContext ctx) {
        ObjectNode patch = MasterDataHttp.object(ctx, fields, noun);
        String k = ctx.pathParam("key");
        if (patch.hasNonNull(keyField) && !patch.get(keyField).asText().equals(k)) {
            throw new ValidationException(keyField, "must match the URL ('" + k + "') or be left out; keys cannot be renamed");
        }
        MasterDataHttp.run(ctx, () -> {
            Object before = view.apply(find(k));
            Responses.auditBefore(ctx, before);
            ObjectNode merged = ApiJson.MAPPER.valueToTree(before);
            merged.setAll(patch);
            T value = valid(merged);
            if (!table.update(value)) {
                throw notFound(k);
            }
            return value;
        }, v -> MasterDataHttp.json(ctx, 200, view.apply(v)));
    }

    private void delete(RoutingContext ctx) {
        String k = ctx.pathParam("key");
        MasterDataHttp.run(ctx, () -> {
            Responses.auditBefore(ctx, table.find(k).map(view).orElse(null));
            if (!table.delete(k)) {
                throw notFound(k);
            }
            return k;
        }, v -> ctx.response().setStatusCode(204).end());
    }

    private void importCsv(RoutingContext ctx) {
        String text = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        MasterDataHttp.run(ctx, () -> table.upsertAll(CsvImportPlan.of(text, csv)), r -> MasterDataHttp.json(ctx, 200, r));
    }

    private void export(RoutingContext ctx) {
        MasterDataHttp.run(ctx, () -> {
            StringBuilder sb = new StringBuilder(csv.header());
            for (T v : table.all()) {
                sb.append(csv.line(v));
            }
            return sb.toString();
        }, text -> MasterDataHttp.csv(ctx, path.substring(path.lastIndexOf('/') + 1) + ".csv", text));
    }

    private T find(String k) throws java.sql.SQLException {
        return table.find(k).orElseThrow(() -> notFound(k));
    }

    private T valid(ObjectNode body) {
        Validated<T> v = reader.apply(new JsonFieldSource(body));
        if (!v.ok()) {
            throw new ValidationException(v.errors());
        }
        return v.value();
    }

    private MasterDataNotFoundException notFound(String k) {
        return new MasterDataNotFoundException("no " + noun + " '" + k + "'; GET " + path + "?q=" + k + " searches for it");
    }
}
