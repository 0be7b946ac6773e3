package io.stocksense.config;

/** What a location is. In YAML: {@code dock}, {@code putaway}, {@code shelf-slot}, {@code bin}, {@code staging}. */
public enum LocationKind {
    DOCK, PUTAWAY, SHELF_SLOT, BIN, STAGING;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
