package io.stocksense.sim;

import io.stocksense.sim.device.RfidPortalSimulator;
import io.stocksense.sim.device.SmartShelfSimulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The named scenarios. Each picks its devices by family from whatever site it is given, so the
 * same scenario drives the demo site or an integrator's own.
 */
final class Scenarios {

    /** A named play, and whether it runs until stopped. */
    record Scenario(String name, String description, boolean continuous, Consumer<ScenarioContext> play) {
    }

    static final int[] E2E_PICKS = {2, 1, 3};

    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        add(new Scenario("e2e", "deterministic end-to-end check: shelf baselines and placements, a pallet of 40 cases in, 3 picks, temperatures",
                false, Scenarios::e2e));
        add(new Scenario("receive-pallet", "one inbound pallet pass (40 cases, or --cases N)", false, Scenarios::receivePallet));
        add(new Scenario("dispatch", "an outbound pass of half the cases receive-pallet brought in with the same seed", false,
                Scenarios::dispatch));
        add(new Scenario("shelf-picks", "shelf baselines, a placement per shelf, then two picks per shelf", false, Scenarios::shelfPicks));
        add(new Scenario("temperatures", "five rounds of climate readings, 2 s apart", false, Scenarios::temperatures));
        add(new Scenario("demo", "continuous warehouse life until stopped: pallets, picks, refills, temperatures, excursions", true,
                ctx -> new DemoScenario(ctx).play()));
    }

    private Scenarios() {
    }

    private static void add(Scenario s) {
        ALL.put(s.name(), s);
    }

    static Map<String, Scenario> all() {
        return ALL;
    }

    static void e2e(ScenarioContext ctx) {
        for (SmartShelfSimulator shelf : ctx.shelves) {
            ctx.baseline(shelf);
            ctx.place(shelf, 10 + ctx.random.nextInt(11));
        }
        if (!ctx.portals.isEmpty()) {
            ctx.receive(ctx.portals.get(0), ctx.caseTags.pallet(ctx.seed, "e2e", 40), null);
        }
        if (!ctx.shelves.isEmpty()) {
            for (int i = 0; i < E2E_PICKS.length; i++) {
                ctx.pick(ctx.shelves.get(i % ctx.shelves.size()), E2E_PICKS[i]);
            }
        }
        for (int round = 0; round < 3; round++) {
            ctx.climateRound();
            ctx.clock.sleep(Duration.ofMillis(500));
        }
        ctx.awaitAllPortalsQuiet();
    }

    static void receivePallet(ScenarioContext ctx) {
        RfidPortalSimulator portal = firstPortal(ctx);
        ctx.receive(portal, ctx.caseTags.pallet(ctx.seed, "receive-pallet", ctx.palletSize), null);
        ctx.awaitAllPortalsQuiet();
    }

    static void dispatch(ScenarioContext ctx) {
        RfidPortalSimulator portal = firstPortal(ctx);
        List<CaseTags.Case> received = ctx.caseTags.pallet(ctx.seed, "receive-pallet", ctx.palletSize);
        ctx.dispatch(portal, received.subList(0, Math.max(1, received.size() / 2)));
        ctx.awaitAllPortalsQuiet();
    }

    static void shelfPicks(ScenarioContext ctx) {
        for (SmartShelfSimulator shelf : ctx.shelves) {
            ctx.baseline(shelf);
            ctx.place(shelf, 10 + ctx.random.nextInt(11));
        }
        for (int round = 0; round < 2; round++) {
            for (SmartShelfSimulator shelf : ctx.shelves) {
                ctx.pick(shelf, 1 + ctx.random.nextInt(3));
            }
        }
    }

    static void temperatures(ScenarioContext ctx) {
        for (int round = 0; round < 5; round++) {
            if (round > 0) {
                ctx.clock.sleep(Duration.ofSeconds(2));
            }
            ctx.climateRound();
        }
        ctx.step("climate: 5 rounds from " + ctx.climates.size() + " sensors");
    }

    private static RfidPortalSimulator firstPortal(ScenarioContext ctx) {
        if (ctx.portals.isEmpty()) {
            throw new IllegalStateException("site " + ctx.site.siteId() + " has no simulated rfid-portal (MQTT, zebra-iotc or impinj-iotdi)");
        }
        return ctx.portals.get(0);
    }
}
