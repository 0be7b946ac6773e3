package io.stocksense.cloud.catalog.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file checked row by row before anything is written: the good rows (in file order) and a
 * rejection per bad row, naming its line and column. A key repeated within the file keeps its first
 * row and rejects the later ones, so the outcome never depends on chunking.
 */
public record CsvImportPlan<T>(List<T> good, List<RowError> rejected, int rows) {

    /** Why one row was not imported; {@code line} is the physical line in the file (the header is line 1). */
    public record RowError(int line, String field, String message) {
    }

    /** Thrown when the file as a whole is unusable (empty, bad header); the message says what to fix. */
    public static final class BadFileException extends RuntimeException {
        public BadFileException(String message) {
            super(message);
        }
    }

    public static <T> CsvImportPlan<T> of(String text, CsvMapping<T> mapping) {
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new BadFileException("the CSV is empty; the first line must be a header such as " + mapping.header().trim());
        }
        List<String> header = rows.get(0).cells();
        List<String> headerProblems = mapping.headerProblems(header);
        if (!headerProblems.isEmpty()) {
            throw new BadFileException("line 1 (header): " + String.join("; ", headerProblems));
        }
        List<T> good = new ArrayList<>();
        List<RowError> rejected = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.error() != null) {
                rejected.add(new RowError(row.line(), null, row.error()));
                continue;
            }
            if (row.cells().size() > header.size()) {
                rejected.add(new RowError(row.line(), null, "has " + row.cells().size() + " cells but the header has " + header.size()));
                continue;
            }
            Validated<T> v = mapping.read(header, row.cells());
            if (!v.ok()) {
                v.errors().forEach(e -> rejected.add(new RowError(row.line(), e.field(), e.message())));
                continue;
            }
            Integer first = firstLine.putIfAbsent(mapping.key(v.value()), row.line());
            if (first != null) {
                rejected.add(new RowError(row.line(), mapping.keyColumn(), "duplicate " + mapping.keyColumn() + " '"
                        + mapping.key(v.value()) + "': first on line " + first + "; this row was skipped"));
                continue;
            }
            good.add(v.value());
        }
        return new CsvImportPlan<>(good, rejected, rows.size() - 1);
    }
}
