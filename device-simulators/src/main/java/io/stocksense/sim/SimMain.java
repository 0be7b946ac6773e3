package io.stocksense.sim;

import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code stocksense sim}: plays a scenario from the command line.
 *
 * <pre>
 * sim --site FILE --scenario NAME [--mqtt URL] [--seed N] [--cases N]
 * sim --list
 * </pre>
 *
 * {@code --mqtt} defaults to {@code STOCKSENSE_MQTT_URL}, then {@code tcp://127.0.0.1:1883}. Steps are
 * logged one per line as they happen; a summary (messages per device, expected stock changes) ends
 * the run, also after Ctrl+C in the continuous {@code demo}. Exit codes: 0 done, 1 failed (broker
 * unreachable), 2 usage or site file error.
 */
public final class SimMain {

    static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    static final String USAGE = """
            usage: sim --site FILE --scenario NAME [--mqtt URL] [--seed N] [--cases N]
                   sim --list
              --site FILE      site YAML (e.g. firmware-config/sites/demo.yaml)
              --scenario NAME  one of: %s
              --mqtt URL       broker of the devices (default: $STOCKSENSE_MQTT_URL, else %s)
              --seed N         random seed; the same seed plays the same tags, quantities and readings (default 1)
              --cases N        cases per pallet for receive-pallet and dispatch (default 40)
            """.formatted(String.join(", ", ScenarioRunner.scenarioNames()), DEFAULT_MQTT_URL);

    private SimMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv("STOCKSENSE_MQTT_URL"), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, String envMqttUrl, PrintStream out, PrintStream err) {
        SimArgs parsed;
        try {
            parsed = SimArgs.parse(args, envMqttUrl == null || envMqttUrl.isBlank() ? DEFAULT_MQTT_URL : envMqttUrl);
        } catch (IllegalArgumentException e) {
            err.println("sim: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (parsed.help()) {
            out.print(USAGE);
            return 0;
        }
        if (parsed.list()) {
            ScenarioRunner.scenarioNames().forEach(n -> out.printf("%-15s %s%n", n, ScenarioRunner.describe(n)));
            return 0;
        }
        Site site;
        try {
            site = SiteLoader.load(Path.of(parsed.site()));
        } catch (SiteConfigException e) {
            err.println("sim: " + e.getMessage());
            return 2;
        }
        return play(site, parsed, out, err);
    }

    private static int play(Site site, SimArgs args, PrintStream out, PrintStream err) {
        ScenarioRunner runner = new ScenarioRunner(site, args.mqttUrl(), args.seed());
        if (args.cases() != null) {
            runner.palletSize(args.cases());
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.stop();
            awaitQuietly(finished);
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("sim: scenario %s on site %s, broker %s, seed %d%s%n", args.scenario(), site.siteId(),
                redact(args.mqttUrl()), args.seed(), "demo".equals(args.scenario()) ? " (Ctrl+C to stop)" : "");
        try {
            ScenarioResult result = runner.run(args.scenario());
            printSummary(result, out);
            return 0;
        } catch (IllegalStateException e) {
            err.println("sim: " + e.getMessage());
            return 1;
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    static void printSummary(ScenarioResult result, PrintStream out) {
        out.printf("%nscenario %s: %d messages%n", result.scenario(), result.messagesSent());
        out.println("  messages per device:");
        result.messagesPerDevice().forEach((device, n) -> out.printf("    %-24s %6d%n", device, n));
        out.println("  expected stock change (sku @ warehouse/location):");
        if (result.expectedStockDelta().isEmpty()) {
            out.println("    none");
        }
        result.expectedStockDelta().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ScenarioResult.StockKey::toString)))
                .forEach(e -> out.printf("    %-32s %s%n", e.getKey(), signed(e.getValue())));
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
