package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code stocksense edge --site FILE --gateway ID}: runs one gateway until the process is stopped.
 * Configuration comes from the site file and {@code STOCKSENSE_*} variables (see {@link GatewayConfig#fromEnv}).
 * Exit codes: 2 for a usage error, 1 for bad configuration or a failed start.
 */
public final class EdgeMain {

    static final String USAGE = "usage: stocksense edge --site FILE --gateway ID\n"
            + "  env: STOCKSENSE_MQTT_URL, STOCKSENSE_DEVICE_MQTT_URL, STOCKSENSE_DATA_DIR, STOCKSENSE_GATEWAY_HTTP_PORT";

    private EdgeMain() {
    }

    /** Parsed command line. */
    record Args(Path site, String gateway) {
    }

    /** A command line that cannot be used; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Args parsed;
        try {
            parsed = parse(args);
        } catch (UsageException e) {
            System.err.println("stocksense edge: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        EdgeGateway gateway;
        try {
            Site site = SiteLoader.load(parsed.site());
            GatewayConfig config = GatewayConfig.fromEnv(site, parsed.gateway(), System.getenv());
            printDevices(System.out, site, parsed.gateway());
            gateway = EdgeGateway.start(config, io.stocksense.config.security.TlsFiles.fromEnv(System.getenv()).orElse(null));
            System.out.printf("gateway %s running: health http://127.0.0.1:%d/health, data in %s%n",
                    parsed.gateway(), gateway.httpPort(), config.gatewayDir().toAbsolutePath());
        } catch (SiteConfigException | RuntimeException e) {
            System.err.println("stocksense edge: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "edge-shutdown"));
        Thread.currentThread().join();
    }

    static Args parse(String[] args) throws UsageException {
        Path site = null;
        String gateway = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--site") && !a.equals("--gateway")) {
                throw new UsageException("unknown argument '" + a + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException(a + " needs a value");
            }
            String value = args[++i];
            if (a.equals("--site")) {
                site = Path.of(value);
            } else {
                gateway = value;
            }
        }
        if (site == null) {
            throw new UsageException("--site FILE is required");
        }
        if (gateway == null) {
            throw new UsageException("--gateway ID is required");
        }
        return new Args(site, gateway);
    }

    static void printDevices(PrintStream out, Site site, String gatewayId) {
        List<Device> devices = site.devicesOf(gatewayId);
        out.printf("site %s, gateway %s: %d devices%n", site.siteId(), gatewayId, devices.size());
        for (Device d : devices) {
            out.printf("  %-18s %-15s %-5s %-28s codec %s%n", d.id(), d.family().yamlName(), d.transport().yamlName(),
                    d.address(), d.codec());
        }
    }
}
