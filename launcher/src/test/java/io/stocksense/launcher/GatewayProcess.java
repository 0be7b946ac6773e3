package io.stocksense.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.edge.EdgeMain;
import io.stocksense.protocol.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An edge gateway running as its own OS process ({@code java ... EdgeMain --site FILE --gateway ID}),
 * so it can be killed the hard way. Its output goes to a log file; the health port it picked is read
 * from the line {@code EdgeMain} prints once it runs.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile("running: health http://127\\.0\\.0\\.1:(\\d+)/health");
    private static final Pattern OUTBOX_AT_START = Pattern.compile("health on port \\d+, outbox (\\d+) events");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code EdgeMain} on the test's own classpath with the given {@code STOCKSENSE_*} variables. */
    static GatewayProcess start(Path siteFile, String gatewayId, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EdgeMain.class.getName(),
                "--site", siteFile.toAbsolutePath().toString(), "--gateway", gatewayId));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new GatewayProcess(pb.start(), log);
    }

    /** The health port once the gateway says it runs; empty before. Throws if the process already died. */
    OptionalInt healthPort() throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = RUNNING.matcher(text);
        if (m.find()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("gateway exited with " + process.exitValue() + " before serving; see " + log);
        }
        return OptionalInt.empty();
    }

    /** How many events the gateway found in its outbox when it started (from its log), or -1 before it says. */
    long outboxAtStart() throws IOException {
        Matcher m = OUTBOX_AT_START.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** {@code GET /health} of this gateway. */
    JsonNode health() throws IOException, InterruptedException {
        int port = healthPort().orElseThrow(() -> new IllegalStateException("gateway not serving yet"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("gateway /health -> " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** True once the device adapter is subscribed (its persistent session exists) and the uplink is connected. */
    boolean isUp() throws IOException, InterruptedException {
        return healthPort().isPresent() && "UP".equals(health().path("status").asText());
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no goodbye to either broker. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway process " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
