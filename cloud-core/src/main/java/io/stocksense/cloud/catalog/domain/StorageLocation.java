package io.stocksense.cloud.catalog.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of a warehouse's location tree: a zone holds aisles, an aisle holds bins or shelf slots, and
 * so on. {@code parent} is another location of the same warehouse or null for a root. {@code zone} is
 * the climate zone (temperature band) the location lies in. {@code capacity} is in the stored products'
 * units and is advisory.
 */
public record StorageLocation(String warehouse, String code, String name, String parent, String zone, String kind,
                              BigDecimal capacity) {

    public static final List<String> KINDS = List.of("zone", "aisle", "bin", "dock", "shelf-slot", "putaway", "staging");
    public static final List<String> FIELDS = List.of("warehouse", "code", "name", "parent", "zone", "kind", "capacity");

    public static Validated<StorageLocation> read(FieldSource in) {
        FieldReader r = new FieldReader(in);
        String code = r.code("code");
        String parent = in.text("parent") == null ? null : r.code("parent");
        if (code != null && code.equals(parent)) {
            r.fail("parent", "must not be the location itself");
        }
        StorageLocation l = new StorageLocation(r.code("warehouse"), code, r.optional("name"), parent,
                r.optional("zone"), r.oneOf("kind", KINDS), r.nonNegative("capacity"));
        return new Validated<>(r.errors().isEmpty() ? l : null, r.errors());
    }
}
