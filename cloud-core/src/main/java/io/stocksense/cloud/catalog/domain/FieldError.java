package io.stocksense.cloud.catalog.domain;

/** One invalid field of an input, with a message that says what a valid value looks like. */
public record FieldError(String field, String message) {
}
