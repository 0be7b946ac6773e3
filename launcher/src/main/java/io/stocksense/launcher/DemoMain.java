package io.stocksense.launcher;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;
import io.stocksense.edge.EdgeGateway;
import io.stocksense.edge.GatewayConfig;
import io.stocksense.sim.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stocksense demo}: the demo site in one process. Embedded PostgreSQL and broker (inside
 * cloud-core), the site's gateway reading its devices from that broker, and the simulators playing
 * the continuous {@code demo} scenario. Taken default ports fall back to free ones; the banner says
 * which.
 */
public final class DemoMain {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMain.class);
    static final String DEMO_GATEWAY = "gw-1";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println("usage: stocksense demo   (takes no arguments; configure with STOCKSENSE_* variables)");
            System.exit(2);
        }
        Path siteFile = home().resolve("firmware-config/sites/demo.yaml");
        Site site;
        try {
            site = SiteLoader.load(siteFile);
        } catch (SiteConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("STOCKSENSE_DATA_DIR", home().resolve("data").toString());

        CloudConfig base = CloudConfig.fromEnv(env);
        CloudConfig cloudConfig = new CloudConfig(base.httpPort(), base.mqttPort(), base.dataDir(), base.dbUrl(),
                base.dbUser(), base.dbPassword(), base.mqttUrl(), base.adminPassword(), List.of(siteFile), true);
        GatewayConfig gw = GatewayConfig.fromEnv(site, DEMO_GATEWAY, env);
        LocalWarehouse warehouse = LocalWarehouse.start(cloudConfig, site, DEMO_GATEWAY, gw.dataDir(), portOrFree(gw.httpPort()),
                gw.ackTimeout());
        CloudCore cloud = warehouse.cloud();
        EdgeGateway gateway = warehouse.gateway();

        ScenarioRunner simulators = warehouse.simulators(System.nanoTime());
        Thread simThread = new Thread(() -> {
            try {
                simulators.run("demo");
            } catch (RuntimeException e) {
                LOG.error("simulators stopped: {}", e.getMessage(), e);
            }
        }, "demo-simulators");
        simThread.setDaemon(true);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the demo...");
            simulators.stop();
            warehouse.close();
        }, "demo-shutdown"));

        simThread.start();
        String dashboard = cloud.baseUrl() + "/";
        System.out.println(banner(cloud, gateway, dashboard, password(cloud, cloudConfig)));
        BrowserOpener.tryOpen(dashboard);
        Thread.currentThread().join();
    }

    static String banner(CloudCore cloud, EdgeGateway gateway, String dashboard, String password) {
        return """

                ============================================================
                 StockSense demo is running
                   Dashboard:   %s
                   Username:    admin
                   Password:    %s
                   MQTT broker: %s   (devices and gateway)
                   Gateway:     http://127.0.0.1:%d/health
                 Press Ctrl-C to stop. Data stays under STOCKSENSE_DATA_DIR.
                ============================================================
                """.formatted(dashboard, password, cloud.mqttUrl(), gateway.httpPort());
    }

    private static String password(CloudCore cloud, CloudConfig cfg) {
        Optional<String> generated = cloud.generatedAdminPassword();
        if (generated.isPresent()) {
            return generated.get();
        }
        if (cfg.adminPassword() != null) {
            return "(as set in STOCKSENSE_ADMIN_PASSWORD)";
        }
        Path file = cfg.dataDir().resolve("cloud/admin-initial-password");
        try {
            return Files.readString(file).trim() + "   (from " + file + ")";
        } catch (IOException e) {
            return "(generated at first start; it was changed or its file " + file + " is gone)";
        }
    }

    /** The configured port when it is free (or 0), otherwise 0 so the server picks a free one. */
    static int portOrFree(int port) {
        if (port == 0) {
            return 0;
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return port;
        } catch (IOException taken) {
            return 0;
        }
    }

    /** The repository root: {@code -Dstocksense.home} as set by the launcher script, else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("stocksense.home", ".")).toAbsolutePath().normalize();
    }
}
