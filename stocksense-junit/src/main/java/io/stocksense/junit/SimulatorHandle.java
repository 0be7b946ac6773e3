package io.stocksense.junit;

import io.stocksense.config.DeviceFamily;
import io.stocksense.launcher.LocalWarehouse;
import io.stocksense.sim.ScenarioResult;
import io.stocksense.sim.ScenarioRunner;
import io.stocksense.sim.script.ScenarioScript;
import io.stocksense.sim.script.ScenarioScriptException;
import io.stocksense.sim.script.ScenarioScriptParser;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The warehouse's simulated devices: plays scenarios on its broker, as the real devices would publish.
 * Each call blocks until the scenario is over (for a portal, until its last pass has surely closed).
 * One scenario at a time per handle.
 */
public final class SimulatorHandle {

    private final LocalWarehouse warehouse;
    private final Set<DeviceFamily> families;

    SimulatorHandle(LocalWarehouse warehouse, Set<DeviceFamily> families) {
        this.warehouse = warehouse;
        this.families = families;
    }

    /** The scenario names: built-in ({@code e2e}, {@code receive-pallet}, ...) and bundled YAML ones. */
    public List<String> scenarios() {
        return ScenarioRunner.scenarioNames();
    }

    /** Plays a named scenario with seed 1. */
    public PlayedScenario play(String scenario) {
        return play(scenario, 1);
    }

    /** Plays a named scenario; the same seed plays the same tags, quantities and readings. */
    public PlayedScenario play(String scenario, long seed) {
        return played(runner(seed).run(scenario));
    }

    /**
     * Plays a YAML scenario file with its own seed (see the README's scenario format).
     *
     * @throws IllegalArgumentException naming file, line and field when the file is not a valid scenario
     *                                  or does not fit the site
     */
    public PlayedScenario play(Path scenarioFile) {
        ScenarioScript script;
        try {
            script = ScenarioScriptParser.load(scenarioFile);
        } catch (ScenarioScriptException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return played(runner(script.seed()).run(script));
    }

    private ScenarioRunner runner(long seed) {
        return warehouse.simulators(seed).families(families);
    }

    private static PlayedScenario played(ScenarioResult r) {
        Map<String, BigDecimal> stock = new TreeMap<>();
        r.expectedStockDelta().forEach((k, v) -> stock.merge(k.sku() + "@" + k.location(), v, BigDecimal::add));
        return new PlayedScenario(r.scenario(), r.messagesSent(), stock, r.faultsInjected());
    }
}
