package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v1/transfers}: lines of SKUs (and lots) from locations of one warehouse to a location
 * of another. A line without {@code fromLocation} takes the transfer's. {@code ship} false keeps it a
 * draft. The single-line shape ({@code sku}, {@code quantity}, ... at the top level) is one line.
 */
public record TransferRequest(String fromWarehouse, String fromLocation, String toWarehouse, String toLocation, String note,
                              boolean ship, List<Line> lines) {

    public TransferRequest {
        lines = List.copyOf(lines);
    }

    /** One SKU × lot from one location; {@code epcs} (optional) name the serialized items, one per unit. */
    public record Line(String sku, String lot, BigDecimal quantity, String unit, String fromLocation, List<String> epcs) {
        public Line {
            epcs = epcs == null ? List.of() : List.copyOf(epcs);
        }
    }
}
