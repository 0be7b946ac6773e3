package io.stocksense.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A YAML mapping node read field by field. Every accessor reports what is wrong to {@link Problems}
 * with the node's line and the field's path, and returns null instead of throwing, so one pass finds
 * every error. Unknown and duplicate keys are reported when the map is opened. A YAML null ({@code ~},
 * {@code null}, nothing) counts as absent.
 */
final class YamlMap {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Opens a node that must be a mapping with only the allowed keys; null (reported) when it is not a mapping. */
    static YamlMap of(Node node, String path, Problems problems, List<String> allowed) {
        if (!(node instanceof MappingNode)) {
            problems.add(line(node), path.isEmpty() ? "(top level)" : path, "must be a mapping of key: value, not " + describe(node));
            return null;
        }
        YamlMap map = new YamlMap((MappingNode) node, path, problems);
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        for (NodeTuple t : map.node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                problems.add(line(t.getKeyNode()), path.isEmpty() ? "(top level)" : path, "keys must be plain names, not " + describe(t.getKeyNode()));
                continue;
            }
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (keyNodes.containsKey(key)) {
                problems.add(line(t.getKeyNode()), map.path(key), "duplicate key (first on line " + line(keyNodes.get(key)) + ")");
            } else if (!allowed.contains(key)) {
                problems.add(line(t.getKeyNode()), map.path(key), unknownKey(key, allowed));
            } else {
                map.values.put(key, t.getValueNode());
            }
            keyNodes.putIfAbsent(key, t.getKeyNode());
        }
        return map;
    }

    private static String unknownKey(String key, List<String> allowed) {
        String hint = Hints.closest(key, allowed);
        return hint != null ? "unknown key; did you mean '" + hint + "'?" : "unknown key; allowed: " + String.join(", ", allowed);
    }

    String path() {
        return path;
    }

    String path(String key) {
        // An empty (or null) key still needs a printable field name, or the error would name nothing.
        String k = key == null || key.isBlank() ? "'" + (key == null ? "" : key) + "'" : key;
        return path.isEmpty() ? k : path + "." + k;
    }

    /** Line of the mapping itself: where a missing field is reported. */
    int line() {
        return line(node);
    }

    /** Line of a field's value, or of the mapping when the field is absent. */
    int line(String key) {
        Node n = node(key);
        return n == null ? line() : line(n);
    }

    boolean has(String key) {
        return node(key) != null;
    }

    Node node(String key) {
        Node n = values.get(key);
        return n == null || Tag.NULL.equals(n.getTag()) ? null : n;
    }

    void error(String key, String message) {
        problems.add(line(key), path(key), message);
    }

    /** The scalar node of a field; reports a missing required field or a list/mapping where a value belongs. */
    ScalarNode scalar(String key, boolean required) {
        Node n = node(key);
        if (n == null) {
            if (required) {
                problems.add(line(), path(key), "is required");
            }
            return null;
        }
        if (!(n instanceof ScalarNode)) {
            error(key, "must be a single value, not " + describe(n));
            return null;
        }
        return (ScalarNode) n;
    }

    String string(String key, boolean required) {
        ScalarNode s = scalar(key, required);
        if (s == null) {
            return null;
        }
        if (s.getValue().isBlank()) {
            error(key, "must not be empty");
            return null;
        }
        return s.getValue();
    }

    /** An id or code: what {@code Topics} and the cloud accept as a path segment. */
    String id(String key, boolean required) {
        String s = string(key, required);
        if (s != null && !ID.matcher(s).matches()) {
            error(key, "must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit, was '" + s + "'");
            return null;
        }
        return s;
    }

    Integer integer(String key, boolean required, int min, int max) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            error(key, "must be a whole number, was '" + s + "'");
            return null;
        }
        if (v < min || v > max) {
            error(key, (max == Integer.MAX_VALUE ? "must be at least " + min : "must be " + min + ".." + max) + ", was " + v);
            return null;
        }
        return v;
    }

    /** An exact decimal (weights, tolerances, temperatures): never read through a double. */
    BigDecimal decimal(String key, boolean required) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            error(key, "must be a number, was '" + s + "'");
            return null;
        }
    }

    Duration duration(String key, Duration defaultValue) {
        String s = string(key, false);
        if (s == null) {
            return has(key) ? null : defaultValue;
        }
        try {
            return Durations.parse(s);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
            return null;
        }
    }

    /** One of an enum's YAML names; the message lists the allowed ones. */
    <E extends Enum<E>> E choice(String key, E[] options, Function<E, String> yamlName, boolean required) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        for (E e : options) {
            if (yamlName.apply(e).equals(s)) {
                return e;
            }
        }
        error(key, "'" + s + "' is not one of: "
                + Arrays.stream(options).map(yamlName).collect(Collectors.joining(", ")));
        return null;
    }

    /** A nested mapping, or null when absent (or reported as not a mapping). */
    YamlMap map(String key, List<String> allowed) {
        Node n = node(key);
        return n == null ? null : of(n, path(key), problems, allowed);
    }

    /** A list of mappings; entries that are not mappings are reported and skipped. */
    List<YamlMap> maps(String key, List<String> allowed) {
        Node n = node(key);
        List<YamlMap> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof SequenceNode)) {
            error(key, "must be a list (- item), not " + describe(n));
            return out;
        }
        List<Node> items = ((SequenceNode) n).getValue();
        for (int i = 0; i < items.size(); i++) {
            YamlMap item = of(items.get(i), path(key) + "[" + i + "]", problems, allowed);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /** A mapping of plain values, kept as strings (codec or transport options). */
    Map<String, String> stringMap(String key) {
        Node n = node(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        YamlMap m = of(n, path(key), problems, keysOf(n));
        if (m != null) {
            for (String k : m.values.keySet()) {
                String v = m.string(k, true);
                if (v != null) {
                    out.put(k, v);
                }
            }
        }
        return out;
    }

    private static List<String> keysOf(Node n) {
        List<String> keys = new ArrayList<>();
        if (n instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode) {
                    keys.add(((ScalarNode) t.getKeyNode()).getValue());
                }
            }
        }
        return keys;
    }

    static int line(Node n) {
        return n == null ? 1 : n.getStartMark().getLine() + 1;
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return n == null || Tag.NULL.equals(n.getTag()) ? "nothing" : "'" + ((ScalarNode) n).getValue() + "'";
    }
}
