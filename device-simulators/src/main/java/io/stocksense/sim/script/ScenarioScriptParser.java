package io.stocksense.sim.script;

import io.stocksense.config.ConfigError;
import io.stocksense.config.Durations;
import io.stocksense.sim.fault.FaultRule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ScenarioScript} from YAML and reports every problem at once, each naming file, line and
 * field.
 *
 * <pre>
 * name: cold-chain-failure
 * description: a door left open, then the compressor fails
 * seed: 7                 # default seed (--seed overrides)
 * speed: 10               # the timeline runs 10 times faster than written
 * duration: 10m           # repeating steps stop here
 * steps:
 *   - { at: 0s, every: 2s, do: climate }
 *   - { at: 0s, do: baseline }
 *   - { at: 1s, do: place, device: shelf-a1, items: 12 }
 *   - { at: 5s, do: receive, device: portal-dock1, cases: 20, pallet: true, crossRead: portal-dock2, strayTags: 3, factoryTags: 1 }
 *   - { at: 60s, do: door-open, zone: COLD, for: 1m, peak: 9 }
 *   - { at: 3m, do: compressor-failure, zone: COLD, rise: 0.2 }
 * faults:
 *   - { device: portal-dock1, duplicate: 0.2, reorder: 0.1, garble: 0.05 }
 *   - { device: cold-sensor-1, delay: 3s, delayProbability: 0.5, from: 0s, to: 5m }
 *   - { device: shelf-a2, unplug: { at: 30s, for: 20s } }
 *   - { broker-outage: { at: 40s, for: 10s } }
 * </pre>
 */
public final class ScenarioScriptParser {

    /** Each action with the keys it takes besides {@code at}, {@code every} and {@code do}. */
    static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
            Map.entry("baseline", Set.of("device")),
            Map.entry("place", Set.of("device", "items")),
            Map.entry("pick", Set.of("device", "items")),
            Map.entry("receive", Set.of("device", "cases", "pallet", "crossRead", "strayTags", "factoryTags")),
            Map.entry("dispatch", Set.of("device", "cases")),
            Map.entry("climate", Set.of("device", "zone")),
            Map.entry("idle", Set.of("device", "readings", "drift", "pause")),
            Map.entry("door-open", Set.of("zone", "for", "peak")),
            Map.entry("compressor-failure", Set.of("zone", "rise")),
            Map.entry("compressor-repaired", Set.of("zone")));
    private static final Set<String> REQUIRE_DEVICE = Set.of("place", "pick", "receive", "dispatch", "idle");
    private static final Set<String> REQUIRE_ZONE = Set.of("door-open", "compressor-failure", "compressor-repaired");
    private static final Set<String> INT_KEYS = Set.of("items", "cases", "strayTags", "factoryTags", "readings");
    private static final Set<String> DECIMAL_KEYS = Set.of("drift", "peak", "rise");
    private static final Set<String> DURATION_KEYS = Set.of("for", "pause");
    private static final Set<String> TOP = Set.of("name", "description", "seed", "speed", "duration", "steps", "faults");
    private static final Set<String> FAULT_KEYS = Set.of("device", "drop", "duplicate", "reorder", "garble", "delay",
            "delayProbability", "from", "to", "unplug", "broker-outage");

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    private ScenarioScriptParser(String file) {
        this.file = file;
    }

    public static ScenarioScript load(Path path) throws ScenarioScriptException {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ScenarioScriptException(List.of(new ConfigError(path.toString(), 0, "file", "cannot read: " + e.getMessage())));
        }
        return parse(text, path.toString());
    }

    public static ScenarioScript parse(String yaml, String sourceName) throws ScenarioScriptException {
        ScenarioScriptParser p = new ScenarioScriptParser(sourceName);
        ScenarioScript script = p.script(yaml);
        if (!p.errors.isEmpty()) {
            throw new ScenarioScriptException(p.errors);
        }
        return script;
    }

    private ScenarioScript script(String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            errors.add(new ConfigError(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "yaml", e.getProblem()));
            return null;
        }
        Map<String, Node> top = map(root, "", TOP);
        if (top == null) {
            return null;
        }
        String name = text(top, "name", "", true);
        if (name != null && !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            error(top.get("name"), "name", "'" + name + "' must be lower-case letters, digits and '-'");
        }
        String description = text(top, "description", "", false);
        Long seed = number(top.get("seed"), "seed", Long::parseLong);
        Double speed = number(top.get("speed"), "speed", Double::parseDouble);
        if (speed != null && !(speed > 0 && speed <= 10_000)) {
            error(top.get("speed"), "speed", "must be above 0 and at most 10000, was " + speed);
        }
        Duration duration = duration(top.get("duration"), "duration");
        List<ScenarioScript.Step> steps = new ArrayList<>();
        List<Node> stepNodes = list(top.get("steps"), "steps");
        if (stepNodes.isEmpty() && top.get("steps") != null) {
            error(top.get("steps"), "steps", "a scenario needs at least one step");
        } else if (top.get("steps") == null) {
            errors.add(new ConfigError(file, root.getStartMark().getLine() + 1, "steps", "is required"));
        }
        for (int i = 0; i < stepNodes.size(); i++) {
            ScenarioScript.Step s = step(stepNodes.get(i), "steps[" + i + "]");
            if (s != null) {
                steps.add(s);
            }
        }
        List<FaultRule> faults = new ArrayList<>();
        List<Node> faultNodes = list(top.get("faults"), "faults");
        for (int i = 0; i < faultNodes.size(); i++) {
            FaultRule f = fault(faultNodes.get(i), "faults[" + i + "]");
            if (f != null) {
                faults.add(f);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ScenarioScript(name, description == null ? "" : description, seed == null ? 1 : seed,
                speed == null ? 1 : speed, duration, steps, faults, file);
    }

    private ScenarioScript.Step step(Node node, String path) {
        Map<String, Node> m = map(node, path, null);
        if (m == null) {
            return null;
        }
        String action = text(m, "do", path, true);
        if (action == null) {
            return null;
        }
        Set<String> allowed = ACTIONS.get(action);
        if (allowed == null) {
            error(m.get("do"), path + ".do", "unknown action '" + action + "'; valid: " + String.join(", ", new java.util.TreeSet<>(ACTIONS.keySet())));
            return null;
        }
        Duration at = duration(m.get("at"), path + ".at");
        if (m.get("at") == null) {
            error(node, path + ".at", "is required (scenario time, e.g. 0s, 90s, 5m)");
        }
        Duration every = duration(m.get("every"), path + ".every");
        if (every != null && every.isZero()) {
            error(m.get("every"), path + ".every", "must be above zero");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            String key = e.getKey();
            if (key.equals("do") || key.equals("at") || key.equals("every")) {
                continue;
            }
            if (!allowed.contains(key)) {
                error(e.getValue(), path + "." + key, "'" + action + "' takes no '" + key + "'; it takes: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                continue;
            }
            String v = text(m, key, path, false);
            if (v != null && checkValue(e.getValue(), path + "." + key, key, v)) {
                params.put(key, v);
            }
        }
        if (REQUIRE_DEVICE.contains(action) && !params.containsKey("device")) {
            error(node, path + ".device", "'" + action + "' needs a device");
        }
        if (REQUIRE_ZONE.contains(action) && !params.containsKey("zone")) {
            error(node, path + ".zone", "'" + action + "' needs a zone");
        }
        if ((action.equals("place") || action.equals("pick")) && !params.containsKey("items")) {
            error(node, path + ".items", "'" + action + "' needs items");
        }
        return new ScenarioScript.Step(at == null ? Duration.ZERO : at, every, action, params, node.getStartMark().getLine() + 1);
    }

    private boolean checkValue(Node node, String path, String key, String v) {
        try {
            if (INT_KEYS.contains(key) && Integer.parseInt(v) < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            if (DECIMAL_KEYS.contains(key)) {
                new java.math.BigDecimal(v);
            }
            if (DURATION_KEYS.contains(key)) {
                Durations.parse(v);
            }
            if (key.equals("pallet") && !v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return true;
        } catch (NumberFormatException e) {
            error(node, path, "'" + v + "' is not a number");
        } catch (IllegalArgumentException e) {
            error(node, path, e.getMessage());
        }
        return false;
    }

    private FaultRule fault(Node node, String path) {
        Map<String, Node> m = map(node, path, FAULT_KEYS);
        if (m == null) {
            return null;
        }
        String device = m.containsKey("broker-outage") ? FaultRule.ANY_DEVICE : text(m, "device", path, true);
        try {
            if (m.containsKey("unplug") || m.containsKey("broker-outage")) {
                String key = m.containsKey("unplug") ? "unplug" : "broker-outage";
                Map<String, Node> w = map(m.get(key), path + "." + key, Set.of("at", "for"));
                Duration at = w == null ? null : duration(w.get("at"), path + "." + key + ".at");
                Duration length = w == null ? null : duration(w.get("for"), path + "." + key + ".for");
                if (at == null || length == null) {
                    error(m.get(key), path + "." + key, "needs at and for, e.g. { at: 30s, for: 20s }");
                    return null;
                }
                return key.equals("unplug") ? FaultRule.unplug(device, at, length) : FaultRule.brokerOutage(at, length);
            }
            Double drop = number(m.get("drop"), path + ".drop", Double::parseDouble);
            Double dup = number(m.get("duplicate"), path + ".duplicate", Double::parseDouble);
            Double reorder = number(m.get("reorder"), path + ".reorder", Double::parseDouble);
            Double garble = number(m.get("garble"), path + ".garble", Double::parseDouble);
            Duration delay = duration(m.get("delay"), path + ".delay");
            Double delayP = number(m.get("delayProbability"), path + ".delayProbability", Double::parseDouble);
            if (device == null) {
                return null;
            }
            return new FaultRule(device, duration(m.get("from"), path + ".from"), duration(m.get("to"), path + ".to"),
                    orZero(drop), orZero(dup), orZero(reorder), orZero(garble), delay, delayP == null ? (delay == null ? 0 : 1) : delayP,
                    false, false);
        } catch (IllegalArgumentException e) {
            error(node, path, e.getMessage());
            return null;
        }
    }

    // ---- YAML helpers ---------------------------------------------------------------------------

    private Map<String, Node> map(Node node, String path, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, path.isEmpty() ? "scenario" : path, "must be a mapping of keys to values");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String field = path.isEmpty() ? key : path + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                error(t.getKeyNode(), field, "unknown key; valid: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            } else if (out.put(key, t.getValueNode()) != null) {
                error(t.getKeyNode(), field, "appears twice");
            }
        }
        return out;
    }

    private List<Node> list(Node node, String path) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            error(node, path, "must be a list");
            return List.of();
        }
        return seq.getValue();
    }

    private String text(Map<String, Node> m, String key, String path, boolean required) {
        Node n = m.get(key);
        String field = path.isEmpty() ? key : path + "." + key;
        if (n == null) {
            if (required) {
                errors.add(new ConfigError(file, 0, field, "is required"));
            }
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            error(n, field, "must be a single value");
            return null;
        }
        return s.getValue();
    }

    private <T> T number(Node n, String field, java.util.function.Function<String, T> parse) {
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            error(n, field, "must be a number");
            return null;
        }
        try {
            return parse.apply(s.getValue());
        } catch (NumberFormatException e) {
            error(n, field, "'" + s.getValue() + "' is not a number");
            return null;
        }
    }

    private Duration duration(Node n, String field) {
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            error(n, field, "must be a duration like 2s or 5m");
            return null;
        }
        try {
            return Durations.parse(s.getValue());
        } catch (IllegalArgumentException e) {
            error(n, field, e.getMessage());
            return null;
        }
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private void error(Node node, String field, String message) {
        errors.add(new ConfigError(file, node == null ? 0 : node.getStartMark().getLine() + 1, field, message));
    }
}
