package io.stocksense.protocol.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One SKU of a movement. {@code quantity} is positive; the sign comes from the movement's
 * {@link MovementType}. {@code epcs} lists the serialized items (RFID) that make up the quantity,
 * and is empty for counted goods (shelves, scales).
 */
public record MovementLine(String sku, String gtin, BigDecimal quantity, String unit, String lot, List<String> epcs) {

    public MovementLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        epcs = epcs == null ? List.of() : List.copyOf(epcs);
    }
}
