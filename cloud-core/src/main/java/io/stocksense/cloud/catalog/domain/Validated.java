package io.stocksense.cloud.catalog.domain;

import java.util.List;

/** The result of reading an input: a value when {@code errors} is empty, otherwise the field errors. */
public record Validated<T>(T value, List<FieldError> errors) {

    public Validated {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
