package io.stocksense.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A site file that cannot be used, with every problem found in it (not only the first), each naming
 * its file, line and field. The message lists them one per line.
 */
public class SiteConfigException extends Exception {

    private final transient List<ConfigError> errors;

    public SiteConfigException(List<ConfigError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(List<ConfigError> errors) {
        String header = "invalid site configuration (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):";
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
