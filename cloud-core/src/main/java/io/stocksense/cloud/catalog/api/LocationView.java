package io.stocksense.cloud.catalog.api;

/** A location in {@code GET /api/v1/locations}; {@code kind} as in the site YAML ({@code shelf-slot}). */
public record LocationView(String code, String name, String warehouse, String zone, String kind) {
}
