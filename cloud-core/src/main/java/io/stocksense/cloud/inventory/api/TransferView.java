package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer between warehouses: {@code draft} → {@code shipped} (goods in the destination's TRANSIT
 * location) → {@code partially-received} → {@code received}. {@code lines} say per line what was
 * received and what is still in transit; {@code ledger} holds the rows it posted, oldest first. For a
 * single-line transfer {@code sku}, {@code lot}, {@code quantity} and {@code unit} repeat its line.
 */
public record TransferView(long id, String status, String sku, String lot, BigDecimal quantity, String unit,
                           String fromWarehouse, String fromLocation, String toWarehouse, String toLocation,
                           String note, String createdBy, Instant createdAt, String shippedBy, Instant shippedAt,
                           String receivedBy, Instant receivedAt, List<Line> lines, List<MovementView> ledger) {

    public TransferView {
        lines = lines == null ? List.of() : List.copyOf(lines);
        ledger = ledger == null ? List.of() : List.copyOf(ledger);
    }

    /** One line: {@code inTransit} is what was shipped and not yet received. */
    public record Line(int line, String sku, String lot, BigDecimal quantity, String unit, String fromLocation,
                       BigDecimal received, BigDecimal inTransit, List<String> epcs) {
        public Line {
            epcs = epcs == null ? List.of() : List.copyOf(epcs);
        }
    }
}
