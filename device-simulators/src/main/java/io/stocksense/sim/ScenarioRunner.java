package io.stocksense.sim;

import io.stocksense.config.Site;
import io.stocksense.sim.device.MessageSink;
import io.stocksense.sim.device.SimClock;
import io.stocksense.sim.device.SimulationStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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

    /** The scenario names, in a sensible order of use. */
    public static List<String> scenarioNames() {
        return List.copyOf(Scenarios.all().keySet());
    }

    /** One line on what a scenario does, or null for an unknown name. */
    public static String describe(String scenarioName) {
        Scenarios.Scenario s = Scenarios.all().get(scenarioName);
        return s == null ? null : s.description();
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
            throw new IllegalArgumentException("unknown scenario '" + scenarioName + "'; valid: " + String.join(", ", scenarioNames()));
        }
        if (sink != null) {
            return play(scenario, sink);
        }
        String clientId = "stocksense-sim-" + site.siteId() + "-" + Long.toHexString(System.nanoTime());
        try (MqttDevicePublisher publisher = new MqttDevicePublisher(mqttUrl, clientId)) {
            return play(scenario, publisher);
        }
    }

    private ScenarioResult play(Scenarios.Scenario scenario, MessageSink out) {
        ScenarioContext ctx = new ScenarioContext(site, out, clock, seed, scenario.name(), palletSize);
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
        ScenarioResult result = ctx.result(scenario.name());
        LOG.info("scenario {} done: {} messages", scenario.name(), result.messagesSent());
        return result;
    }

    /** Ends a running scenario at its next pause; a later {@link #run} returns at once. */
    public void stop() {
        stoppable.stop();
    }
}
