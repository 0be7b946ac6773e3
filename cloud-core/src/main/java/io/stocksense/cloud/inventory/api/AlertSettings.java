package io.stocksense.cloud.inventory.api;

import java.time.Instant;

/** {@code GET|PUT /api/v1/inventory/alerts/settings}: a lot in stock is expiring this many days before its expiry date. */
public record AlertSettings(int expiringWithinDays, String updatedBy, Instant updatedAt) {
}
