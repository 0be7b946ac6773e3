package io.stocksense.cloud.webhooks;

import java.time.Instant;
import java.util.List;

/** A subscription in {@code /api/v1/webhooks}; the secret is never part of it. */
public record WebhookView(long id, String url, List<String> events, boolean active, String createdBy, Instant createdAt) {
}
