package io.stocksense.cloud.reconcile;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a smart shelf (or a person) counted of one SKU at one location; {@code evidence} is kept as
 * given (raw weight, tolerance, event id...). {@code warehouse} may be null: the device's warehouse.
 */
public record ShelfObservation(String deviceId, String sku, String warehouse, String location, BigDecimal count,
                               JsonNode evidence) {

    public ShelfObservation {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(count, "count");
    }
}
