package io.stocksense.cloud.inventory.api;

import java.time.Instant;

/** A closing snapshot: the stock of every non-zero key as of {@code snapshotAt}. */
public record SnapshotView(Instant snapshotAt, int rows, String createdBy, Instant createdAt) {
}
