package io.stocksense.cloud.reports.api;

import java.math.BigDecimal;
import java.time.Instant;

/** Rows of the inventory reports under {@code /api/v1/reports/inventory/...}; quantities are exact decimals. */
public final class InventoryReports {

    private InventoryReports() {
    }

    /** One period × movement type: inbound and outbound quantities (both positive) and ledger rows. */
    public record MovementBucket(Instant period, String movementType, BigDecimal in, BigDecimal out, long rows) {
    }

    /**
     * One SKU over [from, to): stock at both ends, outbound quantity (dispatches, picks, scrap, transfers out),
     * turnover = outbound / mean stock, days of cover = closing / outbound per day (null when nothing went out).
     */
    public record Turnover(String sku, String name, String unit, BigDecimal opening, BigDecimal closing, BigDecimal outbound,
                           BigDecimal turnover, BigDecimal daysOfCover) {
    }

    /** A SKU in stock whose last outbound movement is older than the threshold, or that never went out. */
    public record SlowMover(String sku, String name, String unit, BigDecimal quantity, Instant lastOutbound,
                            Long daysSinceOutbound) {
    }

    /**
     * A SKU's stock by age, first in first out: the quantity still on hand from receipts 0–30, 31–60, 61–90,
     * 91–180 and over 180 days ago; {@code unknown} is stock no receipt in the ledger accounts for.
     */
    public record Ageing(String sku, String name, String unit, BigDecimal quantity, BigDecimal d0to30, BigDecimal d31to60,
                         BigDecimal d61to90, BigDecimal d91to180, BigDecimal over180, BigDecimal unknown) {
    }
}
