package io.stocksense.cloud.inventory.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * One SKU in one warehouse: the unit in which stock conditions (low stock, overstock, expiring lots)
 * are evaluated. Ordered, so evaluations that lock several scopes lock them in one global order.
 */
public record StockScope(String sku, String warehouse) implements Comparable<StockScope> {

    private static final Comparator<StockScope> ORDER = Comparator.comparing(StockScope::sku)
            .thenComparing(StockScope::warehouse);

    public StockScope {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(warehouse, "warehouse");
    }

    @Override
    public int compareTo(StockScope o) {
        return ORDER.compare(this, o);
    }
}
