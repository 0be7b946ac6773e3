package io.stocksense.cloud;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./stocksense cloud [--site FILE]...}: starts cloud-core from the {@code STOCKSENSE_*}
 * environment, prints where it listens (and a generated admin password, once), and runs until
 * SIGTERM or Ctrl-C, which stop it cleanly. A taken port is an error naming the variable.
 */
public final class CloudMain {

    private CloudMain() {
    }

    public static void main(String[] args) {
        CloudConfig config;
        try {
            config = CloudConfig.fromEnv(System.getenv());
            config = config.withSiteFiles(siteFiles(config.siteFiles(), args));
        } catch (IllegalArgumentException e) {
            System.err.println("stocksense cloud: " + e.getMessage());
            System.exit(2);
            return;
        }
        CloudCore core;
        try {
            core = CloudCore.start(config, io.stocksense.config.security.TlsFiles.fromEnv(System.getenv()).orElse(null));
        } catch (CloudStartException e) {
            System.err.println("stocksense cloud: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            core.close();
            stopped.countDown();
        }, "stocksense-cloud-shutdown"));
        System.out.println(banner(core));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Path> siteFiles(List<Path> fromEnv, String[] args) {
        List<Path> files = new ArrayList<>(fromEnv);
        for (int i = 0; i < args.length; i++) {
            if ("--site".equals(args[i]) && i + 1 < args.length) {
                files.add(Path.of(args[++i]));
            } else if (args[i].startsWith("--site=")) {
                files.add(Path.of(args[i].substring("--site=".length())));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: stocksense cloud [--site FILE]...");
            }
        }
        return files;
    }

    /** What to print once started; the generated admin password appears only on the start that made it. */
    public static String banner(CloudCore core) {
        StringBuilder sb = new StringBuilder();
        sb.append("StockSense cloud-core is running\n");
        sb.append("  dashboard:  ").append(core.baseUrl()).append("/\n");
        sb.append("  REST API:   ").append(core.baseUrl()).append("/api/v1  (OpenAPI: /api/v1/openapi.json)\n");
        sb.append("  MQTT:       ").append(core.mqttUrl()).append('\n');
        sb.append("  data:       ").append(core.config().cloudDir().toAbsolutePath().normalize()).append('\n');
        core.generatedAdminPassword().ifPresent(pw -> sb.append("  login:      admin / ").append(pw)
                .append("   (generated once; also in ")
                .append(core.config().cloudDir().resolve("admin-initial-password")).append(")\n"));
        if (core.generatedAdminPassword().isEmpty()) {
            sb.append("  login:      admin (password from STOCKSENSE_ADMIN_PASSWORD or data/cloud/admin-initial-password)\n");
        }
        sb.append("Stop with Ctrl-C.");
        return sb.toString();
    }
}
