package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stocktake: the locations counted, the instant its expected quantities are exact for, its status
 * ({@code open}, {@code counted} once every line has a count, {@code posted}) and its lines.
 */
public record StocktakeView(long id, String warehouse, String zone, List<String> locations, String status,
                            Instant snapshotAt, String createdBy, Instant postedAt, String postedBy, String reason,
                            List<Line> lines, List<String> unresolvedEpcs) {

    /** One SKU × location × lot: expected at {@code snapshotAt}, counted (null until counted), variance. */
    public record Line(String sku, String location, String lot, String unit, BigDecimal expected, BigDecimal counted,
                       BigDecimal variance) {
    }
}
