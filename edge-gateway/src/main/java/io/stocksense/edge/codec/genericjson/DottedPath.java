package io.stocksense.edge.codec.genericjson;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny subset of JSONPath, enough to point at a value in a device's JSON: {@code $.data.temp},
 * {@code $.sensors[0].t}, {@code $.w} (the {@code $.} is optional). Member names are letters, digits,
 * {@code _} and {@code -}; an index is a non-negative number in brackets. No wildcards, filters or
 * quoting: a device that needs those deserves its own codec. Immutable.
 */
final class DottedPath {

    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final String text;
    private final List<Object> steps;

    private DottedPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException naming what is wrong with the path */
    static DottedPath parse(String text) {
        String body = text.trim();
        if (body.startsWith("$.")) {
            body = body.substring(2);
        } else if (body.equals("$")) {
            return new DottedPath(text, List.of());
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("path '" + text + "' is empty");
        }
        List<Object> steps = new ArrayList<>();
        for (String part : body.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("path '" + text + "': '" + part + "' is not a member name with optional [index]");
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        return new DottedPath(text, List.copyOf(steps));
    }

    /** The node at this path, or null when any step is missing. */
    JsonNode find(JsonNode root) {
        JsonNode n = root;
        for (Object step : steps) {
            n = step instanceof Integer i ? n.get(i) : n.get((String) step);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return text;
    }
}
