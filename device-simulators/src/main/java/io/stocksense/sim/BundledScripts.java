package io.stocksense.sim;

import io.stocksense.sim.script.ScenarioScript;
import io.stocksense.sim.script.ScenarioScriptException;
import io.stocksense.sim.script.ScenarioScriptParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The YAML scenarios shipped in this jar ({@code io/stocksense/sim/scenarios/*.yaml}, named in that
 * folder's {@code index.txt}): they are parsed when asked for, and a broken one is a build error caught
 * by the tests, not a user's problem.
 */
final class BundledScripts {

    private static final String DIR = "/io/stocksense/sim/scenarios/";

    private BundledScripts() {
    }

    static List<String> names() {
        String index = read("index.txt");
        return index == null ? List.of() : Arrays.stream(index.split("\\R")).map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static Optional<ScenarioScript> find(String name) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioScriptParser.parse(read(name + ".yaml"), "classpath:" + DIR.substring(1) + name + ".yaml"));
        } catch (ScenarioScriptException e) {
            throw new IllegalStateException("bundled scenario " + name + " is broken:\n" + e.getMessage(), e);
        }
    }

    private static String read(String file) {
        try (InputStream in = BundledScripts.class.getResourceAsStream(DIR + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
