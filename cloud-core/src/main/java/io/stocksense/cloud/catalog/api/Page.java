package io.stocksense.cloud.catalog.api;

import java.util.List;

/** One page of a collection; {@code page} is 1-based and {@code total} counts every match. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
