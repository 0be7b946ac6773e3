package io.stocksense.cloud.catalog.domain;

import java.util.List;

/** A warehouse as master data; {@code siteId} ties it to a site file (default {@code default}). */
public record StorageWarehouse(String code, String name, String address, String siteId) {

    public static final List<String> FIELDS = List.of("code", "name", "address", "siteId", "zones");

    public static Validated<StorageWarehouse> read(FieldSource in) {
        FieldReader r = new FieldReader(in);
        String site = in.text("siteId") == null ? "default" : r.code("siteId");
        StorageWarehouse w = new StorageWarehouse(r.code("code"), r.required("name"), r.optional("address"), site);
        return new Validated<>(r.errors().isEmpty() ? w : null, r.errors());
    }
}
