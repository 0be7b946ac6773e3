package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer between warehouses: {@code draft} → {@code shipped} (goods in the destination's TRANSIT
 * location) → {@code received}. {@code ledger} holds the rows it posted, oldest first.
 */
public record TransferView(long id, String status, String sku, String lot, BigDecimal quantity, String unit,
                           String fromWarehouse, String fromLocation, String toWarehouse, String toLocation,
                           String note, String createdBy, Instant createdAt, String shippedBy, Instant shippedAt,
                           String receivedBy, Instant receivedAt, List<MovementView> ledger) {

    public TransferView {
        ledger = ledger == null ? List.of() : List.copyOf(ledger);
    }
}
