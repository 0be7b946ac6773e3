package io.stocksense.cloud.inventory.api;

import java.time.Instant;

/**
 * A serialized item ({@code GET /api/v1/items/{epc}}): its SKU and lot, where it is, its status
 * ({@code in-stock}, {@code in-transit}, {@code dispatched}, {@code scrapped}), when it was last seen and
 * the event (ledger event id) that put it there.
 */
public record ItemView(String epc, String sku, String lot, String warehouse, String location, String status,
                       Instant lastSeen, String lastEventId) {
}
