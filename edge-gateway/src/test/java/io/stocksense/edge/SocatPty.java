package io.stocksense.edge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code socat} process joining two ptys, reachable through two symlinks: a null-modem cable
 * between the gateway's port and a simulated device. Stopping it is pulling the cable: both ptys
 * vanish, and socat removes its links.
 */
final class SocatPty implements AutoCloseable {

    static final String SOCAT = "/usr/bin/socat";

    private final Path gatewaySide;
    private final Path deviceSide;
    private final Path log;
    private Process process;

    SocatPty(Path gatewaySide, Path deviceSide, Path log) {
        this.gatewaySide = gatewaySide;
        this.deviceSide = deviceSide;
        this.log = log;
    }

    SocatPty start() throws IOException {
        Files.deleteIfExists(gatewaySide);
        Files.deleteIfExists(deviceSide);
        process = new ProcessBuilder(SOCAT, "-d", "-d", "pty,raw,echo=0,link=" + gatewaySide, "pty,raw,echo=0,link=" + deviceSide)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(gatewaySide) && Files.exists(deviceSide));
        return this;
    }

    Path gatewaySide() {
        return gatewaySide;
    }

    Path deviceSide() {
        return deviceSide;
    }

    /** Pulls the cable: ends this socat (only this process) and waits for it. */
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        process = null;
        Files.deleteIfExists(gatewaySide);
        Files.deleteIfExists(deviceSide);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
