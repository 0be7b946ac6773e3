package io.stocksense.cloud.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One delivery in {@code GET /api/v1/webhooks/{id}/deliveries}: {@code status} is {@code pending} (with
 * {@code nextAttemptAt}), {@code delivered} or {@code failed} (no attempts left); {@code attemptLog} has every
 * attempt with its HTTP status or error.
 */
public record DeliveryView(long id, String eventId, String eventType, String status, int attempts, Instant createdAt,
                           Instant nextAttemptAt, Instant deliveredAt, List<Attempt> attemptLog) {

    public record Attempt(int attempt, Instant startedAt, long durationMs, Integer httpStatus, String error) {
    }
}
