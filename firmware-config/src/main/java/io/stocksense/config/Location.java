package io.stocksense.config;

/**
 * A place that holds stock.
 *
 * @param zone the zone code within the same warehouse
 */
public record Location(String code, String name, String zone, LocationKind kind) {
}
