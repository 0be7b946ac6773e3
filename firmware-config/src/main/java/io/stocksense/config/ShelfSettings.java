package io.stocksense.config;

import java.math.BigDecimal;

/**
 * A smart-shelf slot holding one SKU. A stable weight change of n × unit weight (± tolerance) is a
 * movement of n items; any other change is an anomaly.
 *
 * @param toleranceGrams how far a change may be from a whole number of items and still count
 */
public record ShelfSettings(String sku, BigDecimal toleranceGrams) {
}
