package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v1/adjustments} (signed quantity) and {@code POST /api/v1/scrap} (positive quantity
 * written off). {@code lot} and {@code unit} are optional; a given unit must be the product's. {@code epcs}
 * (optional) name the serialized items, one per unit: placed by a positive adjustment, written off by scrap.
 */
public record StockChangeRequest(String sku, String warehouse, String location, String lot, BigDecimal quantity,
                                 String unit, String reason, List<String> epcs) {

    public StockChangeRequest {
        epcs = epcs == null ? List.of() : List.copyOf(epcs);
    }
}
