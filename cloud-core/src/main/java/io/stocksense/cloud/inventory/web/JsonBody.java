package io.stocksense.cloud.inventory.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;

/** The JSON object of a request body, with field accessors whose errors name the field (400 problems). */
final class JsonBody {

    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The body as an object; an absent body is an empty object when {@code optional}. */
    static JsonBody of(RoutingContext ctx, boolean optional) {
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

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** An array of objects, each readable with the same accessors; {@code field} names it in errors. */
    java.util.List<JsonBody> objects(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new BadParameterException(field + " must be a non-empty array of objects");
        }
        java.util.List<JsonBody> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw new BadParameterException(field + " must be an array of objects, has " + e);
            }
            out.add(new JsonBody(e));
        }
        return out;
    }

    /** An array of non-blank strings; empty when absent. */
    java.util.List<String> strings(String field) {
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

    String required(String field) {
        String v = optional(field);
        if (v == null) {
            throw new BadParameterException(field + " is required (a non-blank string)");
        }
        return v;
    }

    String optional(String field) {
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
    BigDecimal decimal(String field) {
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

    /** A whole JSON number (no fraction). */
    int integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new BadParameterException(field + " is required (a whole number), was " + v);
        }
        return v.intValue();
    }

    boolean bool(String field, boolean dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new BadParameterException(field + " must be true or false");
        }
        return v.asBoolean();
    }

    /** An ISO date such as {@code 2026-12-31}, or null when absent. */
    java.time.LocalDate date(String field) {
        String v = optional(field);
        try {
            return v == null ? null : java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(field + " must be an ISO date such as 2026-12-31, was '" + v + "'");
        }
    }

    java.time.Instant instant(String field) {
        String v = optional(field);
        try {
            return v == null ? null : java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, was '" + v + "'");
        }
    }
}
