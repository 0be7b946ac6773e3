package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of an item's history ({@code GET /api/v1/items/{epc}/history}), in the order the cloud
 * recorded them ({@code recordedAt}): a {@code ledger} row naming the EPC (its movement, signed quantity
 * of the whole row, and cause) or a {@code sighting} that moved no stock (a device event, an RFID sweep).
 */
public record ItemEvent(String source, Instant recordedAt, Instant deviceTime, String kind, String sku, String warehouse,
                        String location, String lot, BigDecimal quantity, String causeType, String causeRef,
                        String reason, String user, String deviceId, String eventId, Long ledgerId) {
}
