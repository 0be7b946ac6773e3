package io.stocksense.sim;

import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;

import io.stocksense.config.ConfigError;
import io.stocksense.sim.script.ScenarioScript;
import io.stocksense.sim.script.ScenarioScriptException;
import io.stocksense.sim.script.ScenarioScriptParser;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code stocksense sim}: lists, checks and plays device scenarios from the command line.
 *
 * <pre>
 * sim list
 * sim run SCENARIO|FILE.yaml [--site FILE] [--mqtt URL] [--seed N] [--cases N] [--duration D] [--devices FAMILIES]
 * sim validate FILE.yaml [--site FILE]
 * sim --site FILE --scenario NAME ...        (the same as run)
 * </pre>
 *
 * {@code --mqtt} defaults to {@code STOCKSENSE_MQTT_URL}, then {@code tcp://127.0.0.1:1883}; {@code --site}
 * to the demo site. While a scenario plays, a progress bar shows how far it is (redrawn in place on a
 * terminal, a line every few seconds otherwise); a summary (messages per device and kind, faults
 * injected, expected stock changes) ends the run, also after Ctrl+C or {@code --duration} in the
 * continuous {@code demo}. Exit codes: 0 done (or valid), 1 failed (broker unreachable), 2 usage,
 * site or scenario file error.
 */
public final class SimMain {

    static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    static final String USAGE = """
            usage: sim list
                   sim run SCENARIO|FILE.yaml [--site FILE] [--mqtt URL] [--seed N] [--cases N] [--duration D] [--devices F,...]
                   sim validate FILE.yaml [--site FILE]
              SCENARIO         one of: %s
              --site FILE      site YAML (default: firmware-config/sites/demo.yaml)
              --mqtt URL       broker of the devices (default: $STOCKSENSE_MQTT_URL, else %s)
              --seed N         random seed; the same seed plays the same tags, quantities and readings
              --cases N        cases per pallet for receive-pallet and dispatch (default 40)
              --duration D     stop after D (e.g. 30s, 5m); the continuous demo otherwise runs until Ctrl+C
              --devices F,...  simulate only these device families (rfid-portal, smart-shelf, climate-sensor)
            """.formatted(String.join(", ", ScenarioRunner.scenarioNames()), DEFAULT_MQTT_URL);
    private static final Duration LOG_PROGRESS_EVERY = Duration.ofSeconds(2);

    private SimMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv("STOCKSENSE_MQTT_URL"), System.out, System.err, System.console() != null);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, String envMqttUrl, PrintStream out, PrintStream err) {
        return run(args, envMqttUrl, out, err, false);
    }

    /** @param terminal whether {@code out} is a terminal (redraw the progress bar in place) */
    static int run(String[] args, String envMqttUrl, PrintStream out, PrintStream err, boolean terminal) {
        SimArgs parsed;
        try {
            parsed = SimArgs.parse(args, envMqttUrl == null || envMqttUrl.isBlank() ? DEFAULT_MQTT_URL : envMqttUrl, defaultSite());
        } catch (IllegalArgumentException e) {
            err.println("sim: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        switch (parsed.command()) {
            case HELP:
                out.print(USAGE);
                return 0;
            case LIST:
                ScenarioRunner.scenarioNames().forEach(n -> out.printf("%-20s %s%n", n, ScenarioRunner.describe(n)));
                return 0;
            default:
                break;
        }
        Site site = null;
        if (parsed.site() != null) {
            try {
                site = SiteLoader.load(Path.of(parsed.site()));
            } catch (SiteConfigException e) {
                err.println("sim: " + e.getMessage());
                return 2;
            }
        }
        ScenarioScript script = null;
        if (SimArgs.isFile(parsed.scenario())) {
            try {
                script = ScenarioScriptParser.load(Path.of(parsed.scenario()));
            } catch (ScenarioScriptException e) {
                err.println("sim: " + parsed.scenario() + " is not a valid scenario:");
                e.errors().forEach(x -> err.println("  " + x));
                return 2;
            }
        }
        if (parsed.command() == SimArgs.Command.VALIDATE) {
            return validate(parsed, script, site, out, err);
        }
        if (script != null && !ScenarioRunner.check(script, site).isEmpty()) {
            return validate(parsed, script, site, out, err);
        }
        return play(site, script, parsed, out, err, terminal);
    }

    private static int validate(SimArgs args, ScenarioScript script, Site site, PrintStream out, PrintStream err) {
        if (script == null) {
            err.println("sim: validate takes a scenario file (.yaml), not '" + args.scenario() + "'");
            return 2;
        }
        List<ConfigError> problems = site == null ? List.of() : ScenarioRunner.check(script, site);
        if (!problems.isEmpty()) {
            err.println("sim: " + args.scenario() + " does not fit site " + site.siteId() + ":");
            problems.forEach(x -> err.println("  " + x));
            return 2;
        }
        out.printf("%s: valid scenario '%s', %d steps (%d runs), %d fault rules, speed %s%s%n", args.scenario(), script.name(),
                script.steps().size(), ScriptedScenario.timeline(script).size(), script.faults().size(), script.speed(),
                site == null ? "" : ", fits site " + site.siteId());
        return 0;
    }

    private static int play(Site site, ScenarioScript script, SimArgs args, PrintStream out, PrintStream err, boolean terminal) {
        long seed = args.seed() != null ? args.seed() : script != null ? script.seed() : 1;
        ScenarioRunner runner = new ScenarioRunner(site, args.mqttUrl(), seed).families(args.families());
        if (args.cases() != null) {
            runner.palletSize(args.cases());
        }
        if (args.duration() != null) {
            runner.stopAfter(args.duration());
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.stop();
            awaitQuietly(finished);
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String name = script != null ? script.name() : args.scenario();
        out.printf("sim: scenario %s on site %s, broker %s, seed %d%s%n", name, site.siteId(), redact(args.mqttUrl()), seed,
                "demo".equals(name) && args.duration() == null ? " (Ctrl+C to stop)" : "");
        ProgressBar bar = new ProgressBar(runner.progress(), out, terminal, LOG_PROGRESS_EVERY);
        bar.start();
        try {
            ScenarioResult result = script != null ? runner.run(script) : runner.run(args.scenario());
            bar.finish();
            printSummary(result, site, out);
            return 0;
        } catch (IllegalStateException e) {
            bar.finish();
            err.println("sim: " + e.getMessage());
            return 1;
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    /** {@code firmware-config/sites/demo.yaml} under the installation (or working) directory, when it exists. */
    private static String defaultSite() {
        Path demo = Path.of(System.getProperty("stocksense.home", ".")).resolve("firmware-config/sites/demo.yaml");
        return Files.isRegularFile(demo) ? demo.toString() : null;
    }

    static void printSummary(ScenarioResult result, PrintStream out) {
        printSummary(result, null, out);
    }

    /** Messages per device (with its kind when the site is known), faults injected, expected stock changes. */
    static void printSummary(ScenarioResult result, Site site, PrintStream out) {
        out.printf("%nscenario %s: %d messages%n", result.scenario(), result.messagesSent());
        out.println("  messages per device:");
        result.messagesPerDevice().forEach((device, n) -> out.printf("    %-24s %6d%s%n", device, n, kind(site, device)));
        if (site != null) {
            Map<String, Integer> perKind = new java.util.TreeMap<>();
            result.messagesPerDevice().forEach((device, n) -> perKind.merge(kind(site, device).trim(), n, Integer::sum));
            out.println("  messages per kind:");
            perKind.forEach((k, n) -> out.printf("    %-40s %6d%n", k, n));
        }
        out.println("  faults injected:");
        if (result.faultsInjected().isEmpty()) {
            out.println("    none");
        }
        result.faultsInjected().forEach((device, faults) -> out.printf("    %-24s %s%n", device,
                new java.util.TreeMap<>(faults).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", "))));
        out.println("  expected stock change (sku @ warehouse/location):");
        if (result.expectedStockDelta().isEmpty()) {
            out.println("    none");
        }
        result.expectedStockDelta().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ScenarioResult.StockKey::toString)))
                .forEach(e -> out.printf("    %-32s %s%n", e.getKey(), signed(e.getValue())));
    }

    private static String kind(Site site, String deviceId) {
        if (site == null) {
            return "";
        }
        return site.devices().stream().filter(d -> d.id().equals(deviceId)).findFirst()
                .map(d -> "  " + d.family().yamlName() + " / " + d.codec()).orElse("");
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }

    static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and waits for us
        }
    }
}
