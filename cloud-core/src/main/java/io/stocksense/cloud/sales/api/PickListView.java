package io.stocksense.cloud.sales.api;

import java.math.BigDecimal;
import java.util.List;

/** What to pick for an order: each line's reserved, unshipped quantity and where it is. */
public record PickListView(long salesOrder, String number, String warehouse, List<Pick> picks) {

    public record Pick(int line, String sku, String location, String lot, BigDecimal quantity, String unit) {
    }
}
