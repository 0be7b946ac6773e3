package io.stocksense.cloud.reconcile;

import java.math.BigDecimal;

/**
 * The outcome of comparing a shelf count with the ledger: {@code variance} is observed - ledger;
 * {@code alertId} is the open variance alert (null when they agree).
 */
public record ObservationView(Long observationId, String deviceId, String sku, String warehouse, String location,
                              BigDecimal observed, BigDecimal ledger, BigDecimal variance, Long alertId) {
}
