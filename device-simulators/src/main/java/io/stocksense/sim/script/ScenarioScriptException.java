package io.stocksense.sim.script;

import io.stocksense.config.ConfigError;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be played: every problem found, each with file, line and field. */
public class ScenarioScriptException extends Exception {

    private final List<ConfigError> errors;

    public ScenarioScriptException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
