package io.stocksense.cloud.inventory.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;

/** The JSON object of a request body, with field accessors whose errors name the field (400 problems). */
public final class JsonBody {

    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The body as an object; an absent body is an empty object when {@code optional}. */
    public static JsonBody of(RoutingContext ctx, boolean optional) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            if (optional) {
                return new JsonBody(ApiJson.MAPPER.createObjectNode());
            }
            throw new BadParameterException("the body must be a JSON object; see /api/v1/openapi.json");
        }
        try {
            JsonNode n = ApiJson.MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadParameterException("the body must be a JSON object; see /api/v1/openapi.json");
            }
            return new JsonBody(n);
        } catch (JsonProcessingException e) {
            throw new BadParameterException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public String required(String field) {
        String v = optional(field);
        if (v == null) {
            throw new BadParameterException(field + " is required (a non-blank string)");
        }
        return v;
    }

    public String optional(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadParameterException(field + " must be a string");
        }
        return v.asText().isBlank() ? null : v.asText().trim();
    }

    /** An exact decimal given as a JSON number or a numeric string. */
    public BigDecimal decimal(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadParameterException(field + " is required (a decimal number such as 12 or -2.5)");
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(field + " must be a decimal number such as 12 or -2.5, was '" + v.asText() + "'");
        }
    }

    public boolean bool(String field, boolean dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new BadParameterException(field + " must be true or false");
        }
        return v.asBoolean();
    }

    public java.time.Instant instant(String field) {
        String v = optional(field);
        try {
            return v == null ? null : java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, was '" + v + "'");
        }
    }
    /** An exact decimal, or {@code dflt} when the field is absent or null. */
    public BigDecimal decimal(String field, BigDecimal dflt) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? dflt : decimal(field);
    }

    /** An ISO-8601 date such as {@code 2026-03-31}, or null when absent. */
    public java.time.LocalDate date(String field) {
        String v = optional(field);
        try {
            return v == null ? null : java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(field + " must be an ISO-8601 date such as 2026-03-31, was '" + v + "'");
        }
    }

    /** An integer, or {@code dflt} when absent. */
    public long integer(String field, long dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new BadParameterException(field + " must be an integer, was '" + v.asText() + "'");
        }
        return v.asLong();
    }

    /** The objects of an array field (empty when absent unless {@code required}), each named field[i] in errors. */
    public java.util.List<JsonBody> objects(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadParameterException(field + " is required (a non-empty array of objects)");
            }
            return java.util.List.of();
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            throw new BadParameterException(field + " must be a" + (required ? " non-empty" : "n") + " array of objects");
        }
        java.util.List<JsonBody> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw new BadParameterException(field + "[" + i + "] must be an object");
            }
            out.add(new JsonBody(v.get(i)));
        }
        return out;
    }

    /** The non-blank strings of an array field (trimmed), empty when absent. */
    public java.util.List<String> strings(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw new BadParameterException(field + " must be an array of strings");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new BadParameterException(field + " must be an array of non-blank strings, has " + e);
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    /** An array of positive ids, as JSON integers or digit strings; empty when absent. */
    public java.util.List<Long> ids(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw new BadParameterException(field + " must be an array of ids");
        }
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            String text = e.isIntegralNumber() || e.isTextual() ? e.asText().trim() : "";
            if (!text.matches("[1-9][0-9]{0,17}")) {
                throw new BadParameterException(field + " must be an array of ids (positive integers), has " + e);
            }
            out.add(Long.parseLong(text));
        }
        return out;
    }

    /** True when the field is present and not null. */
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A required, non-empty array of objects. */
    public java.util.List<JsonBody> objects(String field) {
        return objects(field, true);
    }

    /** A required whole JSON number (no fraction) within int range. */
    public int integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new BadParameterException(field + " is required (a whole number), was " + v);
        }
        return v.intValue();
    }
}
