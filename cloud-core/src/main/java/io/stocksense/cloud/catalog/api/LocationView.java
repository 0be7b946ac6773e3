package io.stocksense.cloud.catalog.api;

import java.math.BigDecimal;

/**
 * A location in {@code GET /api/v1/locations}; {@code kind} as in the site YAML ({@code shelf-slot});
 * {@code parent} is the enclosing location's code in the same warehouse, null for a root.
 */
public record LocationView(String code, String name, String warehouse, String zone, String kind, String parent,
                           BigDecimal capacity) {
}
