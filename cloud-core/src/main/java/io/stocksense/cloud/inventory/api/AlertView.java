package io.stocksense.cloud.inventory.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An inventory alert such as {@code negative-stock}: what, where, and its evidence in {@code detail}. */
public record AlertView(long id, String kind, String sku, String warehouse, String location, JsonNode detail,
                        Instant createdAt, Instant resolvedAt) {
}
