package io.stocksense.cloud.catalog.domain;

import java.util.List;

/**
 * The outcome of a CSV import: rows new to the database ({@code imported}), rows that changed a
 * record ({@code updated}), rows equal to what was stored ({@code unchanged}) and the rejected rows.
 */
public record ImportResult(int rows, int imported, int updated, int unchanged, List<CsvImportPlan.RowError> rejected) {
}
