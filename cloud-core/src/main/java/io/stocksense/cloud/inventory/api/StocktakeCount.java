package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;

/** A counted quantity of one SKU × location × lot ({@code lot} null when the goods have none). */
public record StocktakeCount(String sku, String location, String lot, BigDecimal counted) {
}
