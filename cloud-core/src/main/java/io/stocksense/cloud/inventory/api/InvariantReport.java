package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/inventory/invariant}: stock levels against the sums of the ledger. */
public record InvariantReport(boolean ok, List<Difference> differences) {

    public InvariantReport {
        differences = List.copyOf(differences);
    }

    /** A key where the level and the ledger sum disagree. */
    public record Difference(String sku, String warehouse, String location, String lot, BigDecimal level, BigDecimal ledgerSum) {
    }
}
