package io.stocksense.cloud.catalog.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.catalog.api.LocationView;
import io.stocksense.cloud.catalog.api.Page;
import io.stocksense.cloud.catalog.domain.DeviceEntry;
import io.stocksense.cloud.catalog.domain.FieldSource;
import io.stocksense.cloud.catalog.domain.MasterDataNotFoundException;
import io.stocksense.cloud.catalog.domain.StorageLocation;
import io.stocksense.cloud.catalog.domain.StorageWarehouse;
import io.stocksense.cloud.catalog.domain.Validated;
import io.stocksense.cloud.catalog.domain.ValidationException;
import io.stocksense.cloud.catalog.store.CatalogStore;
import io.stocksense.cloud.catalog.store.FacilityStore;
import io.stocksense.cloud.catalog.store.LocationStore;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Function;

import static io.stocksense.cloud.catalog.web.KeyedResourceRoutes.guard;

/**
 * Warehouses, the location tree and devices over HTTP. A location is addressed by warehouse and code
 * ({@code /api/v1/locations/WH1/SHELF-A1}). Handlers run on the event loop, JDBC on worker threads.
 */
final class FacilityRoutes {

    private static final String LOC_ITEM = "/api/v1/locations/:warehouse/:code";
    private static final String WH_ITEM = "/api/v1/warehouses/:code";

    private final CatalogStore catalog;
    private final LocationStore locations;
    private final FacilityStore facilities;

    FacilityRoutes(CatalogStore catalog, LocationStore locations, FacilityStore facilities) {
        this.catalog = catalog;
        this.locations = locations;
        this.facilities = facilities;
    }

    void mount(RouteTable routes) {
        routes.get("/api/v1/locations", "locations:view", guard(this::listLocations));
        routes.post("/api/v1/locations", "locations:create", guard(ctx -> {
            StorageLocation l = valid(MasterDataHttp.object(ctx, StorageLocation.FIELDS, "location"), StorageLocation::read);
            MasterDataHttp.run(ctx, () -> {
                locations.create(l);
                return locationOrFail(l.warehouse(), l.code());
            }, v -> MasterDataHttp.created(ctx, "/api/v1/locations/" + v.warehouse() + "/" + v.code(), v));
        }));
        routes.get("/api/v1/locations/tree", "locations:view", guard(ctx -> {
            String warehouse = Params.text(ctx, "warehouse");
            MasterDataHttp.run(ctx, () -> locations.tree(warehouse), t -> MasterDataHttp.json(ctx, 200, t));
        }));
        routes.get(LOC_ITEM, "locations:view", guard(ctx -> MasterDataHttp.run(ctx,
                () -> locationOrFail(ctx.pathParam("warehouse"), ctx.pathParam("code")), v -> MasterDataHttp.json(ctx, 200, v))));
        routes.put(LOC_ITEM, "locations:edit", guard(ctx -> writeLocation(ctx, false)));
        routes.patch(LOC_ITEM, "locations:edit", guard(ctx -> writeLocation(ctx, true)));
        routes.delete(LOC_ITEM, "locations:delete", guard(ctx -> MasterDataHttp.run(ctx, () -> {
            if (!locations.delete(ctx.pathParam("warehouse"), ctx.pathParam("code"))) {
                throw new MasterDataNotFoundException("no location '" + ctx.pathParam("code") + "' in warehouse '"
                        + ctx.pathParam("warehouse") + "'");
            }
            return true;
        }, v -> ctx.response().setStatusCode(204).end())));

        routes.get("/api/v1/warehouses", "warehouses:view", ctx -> MasterDataHttp.run(ctx, catalog::warehouses, v -> MasterDataHttp.json(ctx, 200, v)));
        routes.post("/api/v1/warehouses", "warehouses:create", guard(ctx -> {
            StorageWarehouse w = valid(MasterDataHttp.object(ctx, StorageWarehouse.FIELDS, "warehouse"), StorageWarehouse::read);
            MasterDataHttp.run(ctx, () -> {
                facilities.createWarehouse(w);
                return w;
            }, v -> MasterDataHttp.created(ctx, "/api/v1/warehouses/" + v.code(), v));
        }));
        routes.get(WH_ITEM, "warehouses:view", guard(ctx -> MasterDataHttp.run(ctx, () -> catalog.warehouses().stream()
                .filter(w -> w.code().equals(ctx.pathParam("code"))).findFirst()
                .orElseThrow(() -> new MasterDataNotFoundException("no warehouse '" + ctx.pathParam("code") + "'")),
                v -> MasterDataHttp.json(ctx, 200, v))));
        routes.put(WH_ITEM, "warehouses:edit", guard(this::replaceWarehouse));
        routes.delete(WH_ITEM, "warehouses:delete", guard(ctx -> MasterDataHttp.run(ctx, () -> {
            if (!facilities.deleteWarehouse(ctx.pathParam("code"))) {
                throw new MasterDataNotFoundException("no warehouse '" + ctx.pathParam("code") + "'");
            }
            return true;
        }, v -> ctx.response().setStatusCode(204).end())));

        routes.get("/api/v1/devices", "devices:view", guard(ctx -> {
            String warehouse = Params.text(ctx, "warehouse");
            MasterDataHttp.run(ctx, () -> facilities.devices(warehouse), v -> MasterDataHttp.json(ctx, 200, v));
        }));
        routes.post("/api/v1/devices", "devices:create", guard(ctx -> {
            DeviceEntry d = valid(MasterDataHttp.object(ctx, DeviceEntry.FIELDS, "device"), DeviceEntry::read);
            MasterDataHttp.run(ctx, () -> facilities.createDevice(d),
                    v -> MasterDataHttp.created(ctx, "/api/v1/devices?warehouse=" + (v.warehouse() == null ? "" : v.warehouse()), v));
        }));
    }

    private void listLocations(RoutingContext ctx) {
        String warehouse = Params.text(ctx, "warehouse");
        String parent = Params.text(ctx, "parent");
        String q = Params.text(ctx, "q");
        int page = MasterDataHttp.page(ctx);
        int size = MasterDataHttp.size(ctx);
        MasterDataHttp.run(ctx, () -> locations.search(warehouse, parent, q, page, size),
                (Page<LocationView> p) -> MasterDataHttp.page(ctx, p, p.items()));
    }

    private void writeLocation(RoutingContext ctx, boolean merge) {
        String warehouse = ctx.pathParam("warehouse");
        String code = ctx.pathParam("code");
        ObjectNode body = MasterDataHttp.object(ctx, StorageLocation.FIELDS, "location");
        for (String keyField : List.of("warehouse", "code")) {
            String expected = keyField.equals("code") ? code : warehouse;
            if (body.hasNonNull(keyField) && !body.get(keyField).asText().equals(expected)) {
                throw new ValidationException(keyField, "must match the URL ('" + expected + "') or be left out");
            }
        }
        MasterDataHttp.run(ctx, () -> {
            ObjectNode merged = merge ? ApiJson.MAPPER.valueToTree(locationOrFail(warehouse, code)) : ApiJson.MAPPER.createObjectNode();
            merged.setAll(body);
            merged.put("warehouse", warehouse).put("code", code);
            StorageLocation l = valid(merged, StorageLocation::read);
            if (!locations.update(l)) {
                throw new MasterDataNotFoundException("no location '" + code + "' in warehouse '" + warehouse + "'");
            }
            return locationOrFail(warehouse, code);
        }, v -> MasterDataHttp.json(ctx, 200, v));
    }

    private void replaceWarehouse(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        ObjectNode body = MasterDataHttp.object(ctx, StorageWarehouse.FIELDS, "warehouse");
        if (body.hasNonNull("code") && !body.get("code").asText().equals(code)) {
            throw new ValidationException("code", "must match the URL ('" + code + "') or be left out");
        }
        body.remove("zones");
        StorageWarehouse w = valid(body.put("code", code), StorageWarehouse::read);
        MasterDataHttp.run(ctx, () -> {
            if (!facilities.updateWarehouse(w)) {
                throw new MasterDataNotFoundException("no warehouse '" + code + "'");
            }
            return w;
        }, v -> MasterDataHttp.json(ctx, 200, v));
    }

    private LocationView locationOrFail(String warehouse, String code) throws java.sql.SQLException {
        return locations.find(warehouse, code).orElseThrow(() ->
                new MasterDataNotFoundException("no location '" + code + "' in warehouse '" + warehouse + "'"));
    }

    private static <T> T valid(ObjectNode body, Function<FieldSource, Validated<T>> reader) {
        Validated<T> v = reader.apply(new JsonFieldSource(body));
        if (!v.ok()) {
            throw new ValidationException(v.errors());
        }
        return v.value();
    }
}
