package io.stocksense.cloud.timeseries;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code influxd} (the Debian package's /usr/bin/influxd, InfluxDB 1.x) started for one test: its own
 * config with the HTTP and RPC ports given, data, meta and WAL under a temp directory, usage reporting off.
 */
public final class InfluxdProcess implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getenv().getOrDefault("STOCKSENSE_INFLUXD", "/usr/bin/influxd"));

    private final Process process;
    private final int httpPort;
    private final Path log;

    private InfluxdProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts influxd serving HTTP on 127.0.0.1:{@code httpPort} and waits until it answers /ping. */
    public static InfluxdProcess start(Path dir, int httpPort) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String conf = "reporting-disabled = true\n"
                + "bind-address = \"127.0.0.1:" + freePort() + "\"\n"
                + "[meta]\n  dir = \"" + dir.resolve("meta") + "\"\n"
                + "[data]\n  dir = \"" + dir.resolve("data") + "\"\n  wal-dir = \"" + dir.resolve("wal") + "\"\n"
                + "  query-log-enabled = false\n"
                + "[http]\n  enabled = true\n  bind-address = \"127.0.0.1:" + httpPort + "\"\n  log-enabled = false\n"
                + "[monitor]\n  store-enabled = false\n"
                + "[continuous_queries]\n  enabled = false\n"
                + "[subscriber]\n  enabled = false\n";
        Path config = dir.resolve("influxdb.conf");
        Files.writeString(config, conf);
        Path log = dir.resolve("influxd.log");
        Process p = new ProcessBuilder(BINARY.toString(), "-config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        InfluxdProcess influxd = new InfluxdProcess(p, httpPort, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!influxd.pings()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                influxd.close();
                throw new IllegalStateException("influxd did not start on port " + httpPort + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return influxd;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    private boolean pings() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/ping").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try {
                return c.getResponseCode() == 204;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public Path log() {
        return log;
    }
}
