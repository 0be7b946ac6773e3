package io.stocksense.cloud.inventory.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * The unit of serialization of the ledger: one SKU at one location of one warehouse, in one lot
 * ({@code ""} when the goods have none). Postings that touch several keys lock them in this natural
 * order, so two transactions never wait for each other in a cycle.
 */
public record StockKey(String sku, String warehouse, String location, String lot) implements Comparable<StockKey> {

    /** The virtual location of every warehouse that holds goods shipped to it and not yet received. */
    public static final String TRANSIT = "TRANSIT";

    private static final Comparator<StockKey> ORDER = Comparator.comparing(StockKey::sku)
            .thenComparing(StockKey::warehouse).thenComparing(StockKey::location).thenComparing(StockKey::lot);

    public StockKey {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(location, "location");
        lot = lot == null ? "" : lot;
    }

    @Override
    public int compareTo(StockKey o) {
        return ORDER.compare(this, o);
    }

    /** Human-readable, for problem details: {@code BOLT-M8 at WH1/SHELF-A1 (lot L1)}. */
    public String describe() {
        return sku + " at " + warehouse + "/" + location + (lot.isEmpty() ? "" : " (lot " + lot + ")");
    }
}
