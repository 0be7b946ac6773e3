package io.stocksense.cloud.inventory.domain;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values stock changes that no business document values (adjustments, scrap, stocktake variances,
 * device movements no order or shipment accounts for) and journals them, on the caller's transaction,
 * so the stock, its costing and the journal commit together. Business documents value their own goods
 * movements; a move between locations changes no value (its lines net to zero per SKU).
 */
public interface StockValuation {

    /** Adjustments and stocktake variances, and device movements without a document: inventory gain or loss. */
    String GAIN_OR_LOSS = "gain-or-loss";
    /** Scrap: written off. */
    String WRITE_OFF = "write-off";
    /** Goods received through a portal against no order: costed at zero (flagged by an alert elsewhere). */
    String UNORDERED_RECEIPT = "unordered-receipt";

    StockValuation NONE = (c, kind, docType, ref, date, memo, changes) -> { };

    /** One SKU's signed change of quantity. */
    record Change(String sku, BigDecimal quantity) {
    }

    /**
     * Values {@code changes} (per SKU, signed) as {@code kind} and posts one journal entry
     * {@code docType}/{@code ref}; zero-value changes post nothing.
     */
    void value(Connection c, String kind, String docType, String ref, LocalDate date, String memo, List<Change> changes)
            throws SQLException;

    /** Values a manual operation: its lines netted per SKU, so a move values nothing. */
    default void value(Connection c, String kind, StockOperation op) throws SQLException {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        op.lines().forEach(l -> net.merge(l.key().sku(), l.quantity(), BigDecimal::add));
        List<Change> changes = net.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .map(e -> new Change(e.getKey(), e.getValue())).toList();
        if (!changes.isEmpty()) {
            value(c, kind, op.causeType(), op.causeRef(), LocalDate.now(), op.reason(), changes);
        }
    }
}
