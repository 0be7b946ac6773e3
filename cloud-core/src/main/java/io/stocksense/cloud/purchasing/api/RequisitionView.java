package io.stocksense.cloud.purchasing.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A request to buy; {@code detail} holds the forecast behind a suggested one. */
public record RequisitionView(long id, String sku, String warehouse, BigDecimal quantity, String unit, String supplier,
                              LocalDate neededBy, String source, String status, String note, JsonNode detail,
                              Long purchaseOrder, String createdBy, Instant createdAt) {
}
