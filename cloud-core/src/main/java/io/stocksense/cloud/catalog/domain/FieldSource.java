package io.stocksense.cloud.catalog.domain;

import java.util.List;

/**
 * Input fields by name, independent of the wire format (a JSON body or a CSV row). Nested fields use
 * dotted names such as {@code purchasePrice.amount}.
 */
public interface FieldSource {

    /** The trimmed text of a scalar field, or null when it is absent, null or blank. */
    String text(String field);

    /** The non-blank entries of a list field (a JSON array; in CSV one cell separated by {@code |}). */
    List<String> list(String field);
}
