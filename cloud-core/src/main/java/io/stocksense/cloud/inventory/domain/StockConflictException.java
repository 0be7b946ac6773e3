package io.stocksense.cloud.inventory.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The request is valid but the current state refuses it (HTTP 409): not enough stock, or a document
 * in the wrong status. {@link #extras()} are extra problem members such as {@code available}.
 */
public class StockConflictException extends RuntimeException {

    private final String slug;
    private final String title;
    private final Map<String, Object> extras;

    public StockConflictException(String slug, String title, String detail, Map<String, Object> extras) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.extras = Map.copyOf(extras);
    }

    /** A line would take {@code key} below zero, which neither its product nor its warehouse allows. */
    public static StockConflictException insufficient(StockKey key, BigDecimal available, BigDecimal change, String unit) {
        String detail = "only " + available.toPlainString() + " " + unit + " of " + key.describe()
                + " available; a change of " + change.toPlainString() + " would leave "
                + available.add(change).toPlainString() + ", and negative stock is not allowed for this product"
                + " or warehouse";
        return new StockConflictException("insufficient-stock", "Insufficient stock", detail,
                Map.of("available", available, "requested", change.negate(), "unit", unit, "sku", key.sku(),
                        "warehouse", key.warehouse(), "location", key.location()));
    }

    /**
     * A manual operation would take {@code key} below what open sales orders have reserved of it
     * ({@code available = onHand − reserved}), which neither its product nor its warehouse allows.
     */
    public static StockConflictException reserved(StockKey key, BigDecimal onHand, BigDecimal reserved, BigDecimal change,
                                                  String unit) {
        BigDecimal available = onHand.subtract(reserved).max(BigDecimal.ZERO);
        String detail = "only " + available.toPlainString() + " " + unit + " of " + key.describe() + " available: on hand "
                + onHand.toPlainString() + ", of which " + reserved.toPlainString() + " reserved by open sales orders; a change of "
                + change.toPlainString() + " would take reserved stock. Ship, release or cancel those orders first";
        return new StockConflictException("reserved-stock", "Stock is reserved", detail,
                Map.of("available", available, "onHand", onHand, "reserved", reserved, "requested", change.negate(),
                        "unit", unit, "sku", key.sku(), "warehouse", key.warehouse(), "location", key.location()));
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extras() {
        return extras;
    }
}
