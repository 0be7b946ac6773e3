package io.stocksense.sim.script;

import io.stocksense.sim.fault.FaultRule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario written in YAML (see {@link ScenarioScriptParser} for the format): a timeline of device
 * actions in scenario time, the faults to inject, a default seed and a speed-up.
 *
 * @param speed    how many times faster than written the timeline runs (1 = as written). It paces the
 *                 steps only: the devices' own timing (reads within a pass, a portal's quiet period, a
 *                 load cell settling) stays real, so the gateway sees believable traffic
 * @param duration how long the timeline runs in scenario time; repeating steps stop there. Null: until
 *                 the last one-off step
 */
public record ScenarioScript(String name, String description, long seed, double speed, Duration duration, List<Step> steps,
                             List<FaultRule> faults, String source) {

    public ScenarioScript {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        faults = List.copyOf(faults);
    }

    /**
     * One line of the timeline.
     *
     * @param at     scenario time of the (first) run
     * @param every  repeat interval, or null for once
     * @param action what happens, e.g. {@code receive}, {@code pick}, {@code door-open}
     * @param params the step's other keys as text ({@code device}, {@code items}, {@code zone}, ...)
     * @param line   the step's line in its file, for messages
     */
    public record Step(Duration at, Duration every, String action, Map<String, String> params, int line) {

        public Step {
            params = Map.copyOf(params);
        }

        public String param(String key) {
            return params.get(key);
        }

        public int intParam(String key, int fallback) {
            String v = params.get(key);
            return v == null ? fallback : Integer.parseInt(v);
        }
    }
}
