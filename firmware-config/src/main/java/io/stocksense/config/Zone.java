package io.stocksense.config;

/**
 * A zone of a warehouse. {@code temperature} is null for a zone without climate limits.
 */
public record Zone(String code, String name, TemperatureLimits temperature) {
}
