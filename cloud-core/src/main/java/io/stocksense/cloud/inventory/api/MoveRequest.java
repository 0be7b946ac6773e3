package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;

/** {@code POST /api/v1/moves}: a positive quantity from one location to another of the same warehouse. */
public record MoveRequest(String sku, String warehouse, String from, String to, String lot, BigDecimal quantity,
                          String unit, String reason) {
}
