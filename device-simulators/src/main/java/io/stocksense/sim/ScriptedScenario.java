package io.stocksense.sim;

import io.stocksense.config.ConfigError;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Durations;
import io.stocksense.config.Site;
import io.stocksense.config.Transport;
import io.stocksense.config.Warehouse;
import io.stocksense.sim.device.ClimateSensorSimulator;
import io.stocksense.sim.device.RfidPortalSimulator;
import io.stocksense.sim.device.SmartShelfSimulator;
import io.stocksense.sim.fault.FaultRule;
import io.stocksense.sim.script.ScenarioScript;
import io.stocksense.sim.script.ScenarioScript.Step;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Plays a {@link ScenarioScript} on a {@link ScenarioContext}: expands repeating steps into a
 * timeline, waits (sped up by the script's speed) until each is due and runs it. At the end it lets
 * every portal's pass close and sends what the fault injector still holds.
 */
final class ScriptedScenario {

    /** One run of a step at a scenario time; {@code closing} marks the end of a door-open. */
    record Event(Duration at, Step step, boolean closing) {
    }

    private static final Map<String, DeviceFamily> FAMILY_OF_ACTION = Map.of("baseline", DeviceFamily.SMART_SHELF,
            "place", DeviceFamily.SMART_SHELF, "pick", DeviceFamily.SMART_SHELF, "idle", DeviceFamily.SMART_SHELF,
            "receive", DeviceFamily.RFID_PORTAL, "dispatch", DeviceFamily.RFID_PORTAL, "climate", DeviceFamily.CLIMATE_SENSOR);

    private ScriptedScenario() {
    }

    /** The timeline in scenario time, ordered by time and then by file order. */
    static List<Event> timeline(ScenarioScript script) {
        Duration lastOnce = script.steps().stream().filter(s -> s.every() == null).map(Step::at).max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        Duration end = script.duration() != null ? script.duration() : lastOnce;
        List<Event> events = new ArrayList<>();
        for (Step s : script.steps()) {
            if (s.every() == null) {
                events.add(new Event(s.at(), s, false));
                if (s.action().equals("door-open")) {
                    events.add(new Event(s.at().plus(Durations.parse(s.params().getOrDefault("for", "60s"))), s, true));
                }
                continue;
            }
            for (Duration t = s.at(); script.duration() != null ? t.compareTo(end) < 0 : t.compareTo(end) <= 0; t = t.plus(s.every())) {
                events.add(new Event(t, s, false));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** The script's fault windows in real time: a timeline sped up 10 times has its windows 10 times shorter. */
    static List<FaultRule> realTimeFaults(ScenarioScript script) {
        if (script.speed() == 1) {
            return script.faults();
        }
        return script.faults().stream().map(f -> new FaultRule(f.device(), scale(f.from(), script.speed()), scale(f.to(), script.speed()),
                f.drop(), f.duplicate(), f.reorder(), f.garble(), f.delay(), f.delayProbability(), f.unplug(), f.outage())).toList();
    }

    private static Duration scale(Duration d, double speed) {
        return d == null ? null : Duration.ofNanos((long) (d.toNanos() / speed));
    }

    /** What in a script does not fit a site: unknown devices and zones, a device of the wrong family. */
    static List<ConfigError> check(ScenarioScript script, Site site) {
        List<ConfigError> errors = new ArrayList<>();
        for (int i = 0; i < script.steps().size(); i++) {
            Step s = script.steps().get(i);
            String field = "steps[" + i + "]";
            for (String key : List.of("device", "crossRead")) {
                String id = s.param(key);
                if (id == null) {
                    continue;
                }
                Device d = site.devices().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
                DeviceFamily family = FAMILY_OF_ACTION.get(s.action());
                if (d == null) {
                    errors.add(new ConfigError(script.source(), s.line(), field + "." + key, "site " + site.siteId() + " has no device '" + id + "'"));
                } else if (family != null && d.family() != family) {
                    errors.add(new ConfigError(script.source(), s.line(), field + "." + key, "'" + id + "' is a " + d.family().yamlName()
                            + "; '" + s.action() + "' needs a " + family.yamlName()));
                } else if (d.transport() != Transport.MQTT) {
                    errors.add(new ConfigError(script.source(), s.line(), field + "." + key, "'" + id + "' is on " + d.transport()
                            + "; scenarios drive MQTT devices (serial, OPC UA and GPIO have their own simulators)"));
                }
            }
            String zone = s.param("zone");
            if (zone != null && site.warehouses().stream().map(Warehouse::zones).flatMap(List::stream).noneMatch(z -> z.code().equals(zone))) {
                errors.add(new ConfigError(script.source(), s.line(), field + ".zone", "site " + site.siteId() + " has no zone '" + zone + "'"));
            }
        }
        for (FaultRule f : script.faults()) {
            if (!f.device().equals(FaultRule.ANY_DEVICE) && site.devices().stream().noneMatch(d -> d.id().equals(f.device()))) {
                errors.add(new ConfigError(script.source(), 0, "faults", "site " + site.siteId() + " has no device '" + f.device() + "'"));
            }
        }
        return errors;
    }

    static void play(ScenarioScript script, List<Event> events, ScenarioContext ctx) {
        Instant start = ctx.clock.now();
        for (Event e : events) {
            Duration due = Duration.ofNanos((long) (e.at().toNanos() / script.speed()));
            Duration wait = Duration.between(ctx.clock.now(), start.plus(due));
            if (wait.compareTo(Duration.ZERO) > 0) {
                ctx.clock.sleep(wait);
            }
            run(e, ctx);
            ctx.advance();
        }
        ctx.awaitAllPortalsQuiet();
        ctx.flushFaults();
        ctx.awaitAllPortalsQuiet();
    }

    private static void run(Event e, ScenarioContext ctx) {
        Step s = e.step();
        String device = s.param("device");
        switch (s.action()) {
            case "baseline" -> shelves(ctx, device).forEach(ctx::baseline);
            case "place" -> ctx.place(shelf(ctx, device), s.intParam("items", 1));
            case "pick" -> {
                SmartShelfSimulator shelf = shelf(ctx, device);
                int n = Math.min(shelf.count(), s.intParam("items", 1));
                if (n > 0) {
                    ctx.pick(shelf, n);
                } else {
                    ctx.step(device + ": nothing left to pick");
                }
            }
            case "idle" -> {
                SmartShelfSimulator shelf = shelf(ctx, device);
                BigDecimal drift = new BigDecimal(s.params().getOrDefault("drift", "0"));
                int readings = s.intParam("readings", 5);
                ctx.clock.atomically(() -> shelf.idle(readings, drift, Durations.parse(s.params().getOrDefault("pause", "1s"))));
                ctx.step(device + ": " + readings + " idle readings, drift now " + shelf.driftGrams() + " g");
            }
            case "receive" -> receive(ctx, s);
            case "dispatch" -> {
                RfidPortalSimulator portal = portal(ctx, device);
                List<CaseTags.Case> there = ctx.inStock.getOrDefault(device, List.of());
                int n = Math.min(there.size(), s.intParam("cases", there.size()));
                if (n > 0) {
                    ctx.dispatch(portal, new ArrayList<>(ScenarioContext.shuffled(there, ctx.random).subList(0, n)));
                } else {
                    ctx.step(device + ": no cases received in this run to dispatch");
                }
            }
            case "climate" -> climate(ctx, s);
            case "door-open" -> doorOpen(ctx, s, e.closing());
            case "compressor-failure" -> {
                double rise = Double.parseDouble(s.params().getOrDefault("rise", "0.1"));
                ctx.climates(s.param("zone")).forEach(c -> c.compressorFailure(rise));
                ctx.step("zone " + s.param("zone") + ": compressor failed, warming " + rise + " °C per reading");
            }
            case "compressor-repaired" -> {
                ctx.climates(s.param("zone")).forEach(ClimateSensorSimulator::compressorRepaired);
                ctx.step("zone " + s.param("zone") + ": compressor repaired");
            }
            default -> throw new IllegalStateException("unknown action " + s.action());
        }
    }

    private static void receive(ScenarioContext ctx, Step s) {
        String device = s.param("device");
        RfidPortalSimulator portal = portal(ctx, device);
        // seeded, so the same seed plays the same EPCs; a distinct label per pass, so passes never share a tag
        String label = "script-" + s.line() + "-" + ctx.random.nextInt(1_000_000_000);
        List<CaseTags.Case> cases = ctx.caseTags.pallet(ctx.seed, label, s.intParam("cases", ctx.palletSize));
        String sscc = "true".equals(s.param("pallet")) ? ctx.caseTags.palletSscc(ctx.seed, label) : null;
        RfidPortalSimulator cross = s.param("crossRead") == null ? null : portal(ctx, s.param("crossRead"));
        ctx.receive(portal, cases, sscc, cross, s.intParam("strayTags", 0), s.intParam("factoryTags", 0));
    }

    private static void climate(ScenarioContext ctx, Step s) {
        String device = s.param("device");
        List<ClimateSensorSimulator> sensors = ctx.climates(s.param("zone")).stream()
                .filter(c -> device == null || c.device().id().equals(device)).toList();
        sensors.forEach(ClimateSensorSimulator::report);
    }

    private static void doorOpen(ScenarioContext ctx, Step s, boolean closing) {
        String zone = s.param("zone");
        for (ClimateSensorSimulator c : ctx.climates(zone)) {
            double peak = s.param("peak") == null ? c.setpointC() + 4 : Double.parseDouble(s.param("peak"));
            c.excursion(closing ? 0 : peak - c.setpointC());
        }
        ctx.step("zone " + zone + (closing ? ": door closed" : ": door open"));
    }

    private static List<SmartShelfSimulator> shelves(ScenarioContext ctx, String device) {
        return device == null ? ctx.shelves : List.of(shelf(ctx, device));
    }

    private static SmartShelfSimulator shelf(ScenarioContext ctx, String id) {
        return ctx.shelf(id).orElseThrow(() -> new IllegalArgumentException("no simulated smart shelf '" + id + "' in this run"));
    }

    private static RfidPortalSimulator portal(ScenarioContext ctx, String id) {
        return ctx.portal(id).orElseThrow(() -> new IllegalArgumentException("no simulated RFID portal '" + id + "' in this run"));
    }
}
