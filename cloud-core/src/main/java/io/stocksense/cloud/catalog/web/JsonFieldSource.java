package io.stocksense.cloud.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.catalog.domain.FieldSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Fields of a JSON object; dotted names walk into nested objects ({@code purchasePrice.amount}).
 * Numbers and booleans read as their plain text, so {@code 12.5} and {@code "12.5"} are the same input;
 * an object or array where a scalar belongs reads as its JSON text and then fails validation by name.
 */
final class JsonFieldSource implements FieldSource {

    private final JsonNode root;

    JsonFieldSource(JsonNode root) {
        this.root = root;
    }

    @Override
    public String text(String field) {
        JsonNode n = node(field);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String v = n.isTextual() ? n.textValue() : n.isNumber() ? n.decimalValue().toPlainString()
                : n.isBoolean() ? n.asText() : n.toString();
        return v.isBlank() ? null : v.trim();
    }

    @Override
    public List<String> list(String field) {
        JsonNode n = node(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> {
                if (!e.isNull() && !e.asText().isBlank()) {
                    out.add(e.asText().trim());
                }
            });
        } else if (!n.asText().isBlank()) {
            out.add(n.asText().trim());
        }
        return out;
    }

    private JsonNode node(String field) {
        JsonNode n = root;
        for (String part : field.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }
}
