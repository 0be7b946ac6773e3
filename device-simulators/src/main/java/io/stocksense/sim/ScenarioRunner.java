package io.stocksense.sim;

import io.stocksense.config.Site;
import io.stocksense.sim.device.MessageSink;
import io.stocksense.sim.device.SimClock;
import io.stocksense.sim.device.SimulationStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stocksense.config.ConfigError;
import io.stocksense.config.DeviceFamily;
import io.stocksense.sim.fault.FaultRule;
import io.stocksense.sim.script.ScenarioScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.Objects;

/**
 * Plays a named scenario against an MQTT broker with the simulated devices of a site: each device
 * publishes what the real one would, on its {@code address}, in its {@code codec}.
 *
 * <p>Scenarios ({@link #scenarioNames()}): {@code e2e} (deterministic: shelf baselines and
 * placements, a pallet of exactly 40 tagged cases in through the first portal, picks of 2, 1 and 3
 * items, temperatures; ends once the portal has been quiet for its quiet period + 1 s),
 * {@code receive-pallet}, {@code dispatch}, {@code shelf-picks}, {@code temperatures} and the
 * continuous {@code demo}. The same seed gives the same EPCs, quantities and readings.
 *
 * <p>Threading: {@link #run} blocks the calling thread for the whole scenario (for {@code demo},
 * until {@link #stop()}). {@link #stop()} may be called from any thread, also before or after
 * {@code run}; it is final for this runner. A portal pass or a shelf movement in progress is
 * finished first, so the result's expected stock always matches what was published.
 *
 * <p>Failure: an unknown scenario is an {@link IllegalArgumentException} naming the valid ones; an
 * unreachable broker or a failed publish is an {@link IllegalStateException}.
 */
public final class ScenarioRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    static final int DEFAULT_PALLET_SIZE = 40;

    private final Site site;
    private final String mqttUrl;
    private final MessageSink sink;
    private final SimClock clock;
    private final StoppableClock stoppable;
    private final long seed;
    private volatile int palletSize = DEFAULT_PALLET_SIZE;
    private volatile Map<String, Integer> shelfStartCounts = Map.of();
    private volatile Set<DeviceFamily> families = EnumSet.allOf(DeviceFamily.class);
    private volatile List<FaultRule> faults = List.of();
    private volatile Duration limit;
    private final ScenarioProgress progress = new ScenarioProgress();

    /** A runner publishing to the broker at {@code mqttUrl} (e.g. {@code tcp://127.0.0.1:1883}) in real time. */
    public ScenarioRunner(Site site, String mqttUrl, long seed) {
        this.site = Objects.requireNonNull(site, "site");
        this.mqttUrl = Objects.requireNonNull(mqttUrl, "mqttUrl");
        this.sink = null;
        this.stoppable = new StoppableClock();
        this.clock = stoppable;
        this.seed = seed;
    }

    /** A runner on any sink and clock: a recording list and a virtual clock make a fast, exact test. */
    ScenarioRunner(Site site, MessageSink sink, SimClock clock, long seed) {
        this.site = Objects.requireNonNull(site, "site");
        this.mqttUrl = null;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.stoppable = new StoppableClock();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seed = seed;
    }

    /** The scenario names, built-in ones first, then the bundled YAML scenarios. */
    public static List<String> scenarioNames() {
        List<String> names = new ArrayList<>(Scenarios.all().keySet());
        names.addAll(BundledScripts.names());
        return List.copyOf(names);
    }

    /** One line on what a scenario does, or null for an unknown name. */
    public static String describe(String scenarioName) {
        Scenarios.Scenario s = Scenarios.all().get(scenarioName);
        if (s != null) {
            return s.description();
        }
        return BundledScripts.find(scenarioName).map(ScenarioScript::description).orElse(null);
    }

    /**
     * What in a scenario script does not fit this site (unknown devices or zones, a device of the wrong
     * family for its action); empty when the script can be played here.
     */
    public static List<ConfigError> check(ScenarioScript script, Site site) {
        return ScriptedScenario.check(script, site);
    }

    /** Simulates only devices of these families; the site's others stay silent (default: all). */
    public ScenarioRunner families(Set<DeviceFamily> families) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("at least one device family must be simulated");
        }
        this.families = EnumSet.copyOf(families);
        return this;
    }

    /** Faults to inject into every run of this runner, besides a script's own. */
    public ScenarioRunner faults(List<FaultRule> rules) {
        this.faults = List.copyOf(rules);
        return this;
    }

    /** Ends a run after this much real time (for the continuous {@code demo}: how long it plays). */
    public ScenarioRunner stopAfter(Duration limit) {
        if (limit == null || limit.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
        this.limit = limit;
        return this;
    }

    /** How far the current run has got; safe to read from any thread. */
    public ScenarioProgress progress() {
        return progress;
    }

    /**
     * Cases per pallet for {@code receive-pallet} and {@code dispatch} (default 40; {@code e2e} always
     * uses 40).
     *
     * @throws IllegalArgumentException outside 1..10000
     */
    public ScenarioRunner palletSize(int cases) {
        if (cases < 1 || cases > 10_000) {
            throw new IllegalArgumentException("cases per pallet must be 1..10000, was " + cases);
        }
        this.palletSize = cases;
        return this;
    }

    /**
     * Items each shelf slot holds when the scenario starts, by location code (default: every slot
     * empty). The demo passes the cloud's stock here so a restarted demo continues from the ledger.
     */
    public ScenarioRunner shelfStartCounts(Map<String, Integer> itemsByLocation) {
        this.shelfStartCounts = Map.copyOf(itemsByLocation);
        return this;
    }

    /**
     * Plays the scenario and returns what it published and what stock it should have changed.
     * Blocks until the scenario ends or {@link #stop()} is called.
     */
    public ScenarioResult run(String scenarioName) {
        Scenarios.Scenario scenario = Scenarios.all().get(scenarioName);
        if (scenario == null) {
            Optional<ScenarioScript> script = BundledScripts.find(scenarioName);
            if (script.isPresent()) {
                return run(script.get());
            }
            throw new IllegalArgumentException("unknown scenario '" + scenarioName + "'; valid: " + String.join(", ", scenarioNames()));
        }
        return withSink(out -> play(scenario, out, faults, 0));
    }

    /**
     * Plays a YAML scenario (see {@link io.stocksense.sim.script.ScenarioScriptParser}) with its own faults
     * and this runner's, sped up by its speed.
     *
     * @throws IllegalArgumentException when the script does not fit the site ({@link #check})
     */
    public ScenarioResult run(ScenarioScript script) {
        List<ConfigError> problems = check(script, site);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scenario " + script.name() + " does not fit site " + site.siteId() + ":\n"
                    + problems.stream().map(ConfigError::toString).collect(java.util.stream.Collectors.joining("\n")));
        }
        List<ScriptedScenario.Event> timeline = ScriptedScenario.timeline(script);
        List<FaultRule> rules = new ArrayList<>(ScriptedScenario.realTimeFaults(script));
        rules.addAll(faults);
        Scenarios.Scenario play = new Scenarios.Scenario(script.name(), script.description(), false,
                ctx -> ScriptedScenario.play(script, timeline, ctx));
        return withSink(out -> play(play, out, rules, timeline.size()));
    }

    private ScenarioResult withSink(java.util.function.Function<MessageSink, ScenarioResult> body) {
        if (sink != null) {
            return body.apply(sink);
        }
        if (limit != null) {
            stoppable.stopAfter(limit);
        }
        String clientId = "stocksense-sim-" + site.siteId() + "-" + Long.toHexString(System.nanoTime());
        try (MqttDevicePublisher publisher = new MqttDevicePublisher(mqttUrl, clientId)) {
            return body.apply(publisher);
        }
    }

    private ScenarioResult play(Scenarios.Scenario scenario, MessageSink out, List<FaultRule> rules, int steps) {
        progress.start(scenario.name(), steps, limit);
        ScenarioContext ctx = new ScenarioContext(site, out, clock, seed, scenario.name(), palletSize, families, rules, progress);
        ctx.shelves.forEach(shelf -> shelf.startAt(shelfStartCounts.getOrDefault(shelf.device().location(), 0)));
        LOG.info("scenario {} on site {} (seed {}): {} portal(s), {} shelf/shelves, {} climate sensor(s)", scenario.name(),
                site.siteId(), seed, ctx.portals.size(), ctx.shelves.size(), ctx.climates.size());
        try {
            if (!stoppable.isStopped()) {
                scenario.play().accept(ctx);
            }
        } catch (SimulationStoppedException e) {
            LOG.info("scenario {} stopped", scenario.name());
        }
        ctx.flushFaults();
        progress.finish();
        ScenarioResult result = ctx.result(scenario.name());
        LOG.info("scenario {} done: {} messages", scenario.name(), result.messagesSent());
        return result;
    }

    /** Ends a running scenario at its next pause; a later {@link #run} returns at once. */
    public void stop() {
        stoppable.stop();
    }
}
