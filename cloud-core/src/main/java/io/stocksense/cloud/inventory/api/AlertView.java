package io.stocksense.cloud.inventory.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An inventory alert such as {@code negative-stock} or {@code low-stock}: what, where, and its evidence
 * in {@code detail}. {@code location} is null for warehouse-wide conditions, {@code lot} null unless
 * the alert is about one lot.
 */
public record AlertView(long id, String kind, String sku, String warehouse, String location, String lot, JsonNode detail,
                        Instant createdAt, Instant resolvedAt) {
}
