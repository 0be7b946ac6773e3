package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger row in {@code GET /api/v1/movements}; {@code quantity} is signed. */
public record MovementView(long id, String eventId, String sku, String warehouse, String location, String lot,
                           BigDecimal quantity, String unit, String movementType, String causeType, String deviceId,
                           Instant deviceTime, Instant recordedAt) {
}
