package io.stocksense.cloud.catalog.api;

import java.math.BigDecimal;
import java.util.List;

/** A location with its children, in {@code GET /api/v1/locations/tree}. */
public record LocationNode(String code, String name, String kind, String zone, BigDecimal capacity, List<LocationNode> children) {
}
