package io.stocksense.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one site file, so the author sees them all at once. */
final class Problems {

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(int line, String field, String message) {
        errors.add(new ConfigError(file, line, field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** In file order; problems on one line keep the order they were found in. */
    List<ConfigError> errors() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ConfigError::line));
        return sorted;
    }
}
