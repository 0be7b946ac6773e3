package io.stocksense.cloud.catalog.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How one kind of master data is written to and read from CSV: an ordered list of columns, each bound
 * to an input field (dotted for money: {@code purchase_price} ↔ {@code purchasePrice.amount}). Export
 * writes the columns in this order; import accepts them in any order and reports errors by column name.
 */
public final class CsvMapping<T> {

    /** One column: its header name, the input field it feeds, and how an exported value is written. */
    public record Column<T>(String name, String field, Function<T, String> value) {
    }

    private final List<Column<T>> columns;
    private final String keyColumn;
    private final Function<FieldSource, Validated<T>> reader;
    private final Function<T, String> key;

    public CsvMapping(List<Column<T>> columns, String keyColumn, Function<FieldSource, Validated<T>> reader,
                      Function<T, String> key) {
        this.columns = List.copyOf(columns);
        this.keyColumn = keyColumn;
        this.reader = reader;
        this.key = key;
    }

    public static <T> Column<T> column(String name, String field, Function<T, ?> value) {
        return new Column<>(name, field, t -> text(value.apply(t)));
    }

    public String header() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return Csv.line(names);
    }

    public String line(T value) {
        List<String> cells = new ArrayList<>();
        columns.forEach(c -> cells.add(c.value().apply(value)));
        return Csv.line(cells);
    }

    public String keyColumn() {
        return keyColumn;
    }

    public String key(T value) {
        return key.apply(value);
    }

    /** Problems with a header row (unknown or repeated columns, missing key column); empty when usable. */
    public List<String> headerProblems(List<String> header) {
        List<String> problems = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (String h : header) {
            String name = h.trim().toLowerCase(Locale.ROOT);
            if (columnNamed(name) == null) {
                problems.add("unknown column '" + h + "'; the columns are " + names());
            } else if (seen.put(name, true) != null) {
                problems.add("column '" + h + "' appears twice");
            }
        }
        if (!seen.containsKey(keyColumn)) {
            problems.add("the header must contain the column '" + keyColumn + "'");
        }
        return problems;
    }

    /** Reads one data row under a header that passed {@link #headerProblems}. */
    public Validated<T> read(List<String> header, List<String> cells) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (int k = 0; k < header.size() && k < cells.size(); k++) {
            Column<T> c = columnNamed(header.get(k).trim().toLowerCase(Locale.ROOT));
            byField.put(c.field(), cells.get(k));
        }
        Validated<T> v = reader.apply(new MapSource(byField));
        if (v.ok()) {
            return v;
        }
        List<FieldError> renamed = new ArrayList<>();
        v.errors().forEach(e -> renamed.add(new FieldError(columnFor(e.field()), e.message())));
        return new Validated<>(null, renamed);
    }

    private String columnFor(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).map(Column::name).findFirst().orElse(field);
    }

    private Column<T> columnNamed(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private String names() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof List<?>) {
            return String.join("|", ((List<?>) v).stream().map(String::valueOf).toList());
        }
        return v.toString();
    }

    /** Cells by field name; list fields are split on '|'. */
    private record MapSource(Map<String, String> values) implements FieldSource {
        @Override
        public String text(String field) {
            String v = values.get(field);
            return v == null || v.isBlank() ? null : v.trim();
        }

        @Override
        public List<String> list(String field) {
            String v = text(field);
            List<String> out = new ArrayList<>();
            if (v != null) {
                for (String part : v.split("\\|")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
            return out;
        }
    }
}
