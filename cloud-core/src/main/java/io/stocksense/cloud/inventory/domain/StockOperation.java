package io.stocksense.cloud.inventory.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A manual change of stock to post atomically: its cause (document type and reference, reason, user)
 * and its signed lines. Every line becomes one ledger row; a line that takes its key below zero
 * refuses the whole operation unless the product or the warehouse allows negative stock.
 */
public record StockOperation(String causeType, String causeRef, String reason, String user, List<Line> lines) {

    public static final String ADJUSTMENT = "adjustment";
    public static final String SCRAP = "scrap";
    public static final String MOVE = "move";
    public static final String TRANSFER = "transfer";

    public StockOperation {
        Objects.requireNonNull(causeType, "causeType");
        Objects.requireNonNull(causeRef, "causeRef");
        lines = List.copyOf(lines);
    }

    /**
     * One signed change of one key; {@code movementType} names it in the ledger (ADJUSTMENT, MOVE_OUT, ...);
     * {@code epcs} name the serialized items that make up the quantity (empty for counted goods).
     */
    public record Line(StockKey key, BigDecimal quantity, String unit, String movementType, List<String> epcs) {
        public Line {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(movementType, "movementType");
            epcs = epcs == null ? List.of() : List.copyOf(epcs);
        }

        public Line(StockKey key, BigDecimal quantity, String unit, String movementType) {
            this(key, quantity, unit, movementType, List.of());
        }
    }
}
