package io.stocksense.cloud.broker;

import io.stocksense.config.security.MqttAccess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-gateway credentials and topic ACLs: a gateway with credentials for site A cannot publish into
 * site B, against the embedded broker (its access-control extension) and against a real Mosquitto
 * started here with the password file and the {@code acl_file} StockSense writes.
 */
class BrokerAclIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    Path dir;

    @Test
    void embeddedBrokerKeepsEachGatewayInsideItsOwnSite() throws Exception {
        AclProbe probe = new AclProbe(dir.resolve("password_file"));
        BrokerSecurity security = new BrokerSecurity(dir.resolve("password_file"), null, null, null, null);
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", 0, security)) {
            String url = "tcp://127.0.0.1:" + broker.port();
            probe.strangersAreRefused(url, null);
            probe.aGatewayCannotPublishIntoAnotherSite(url, null);
        }
    }

    @Test
    void mosquittoWithTheGeneratedAclKeepsEachGatewayInsideItsOwnSite() throws Exception {
        boolean ci = System.getenv("CI") != null;
        if (!ci) {
            Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO), "no " + MOSQUITTO + " on this machine (apt-get install mosquitto)");
        }
        AclProbe probe = new AclProbe(dir.resolve("password_file"));
        Files.writeString(dir.resolve("acl_file"), MqttAccess.mosquittoAcl(List.copyOf(probe.passwords.keySet())));
        int port = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + dir.resolve("password_file"),
                "acl_file " + dir.resolve("acl_file"),
                "persistence false",
                // run as root (CI), Mosquitto would switch to its own user, who cannot read this temp folder
                "user " + System.getProperty("user.name"),
                "log_dest stdout", "log_type all", ""));
        Process mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> accepts(port) || !mosquitto.isAlive());
            assertThat(mosquitto.isAlive()).as("mosquitto runs; its log: %s", log()).isTrue();
            String url = "tcp://127.0.0.1:" + port;
            probe.strangersAreRefused(url, null);
            probe.aGatewayCannotPublishIntoAnotherSite(url, null);
        } finally {
            mosquitto.destroy();
            mosquitto.waitFor();
        }
        assertThat(log()).contains("Denied PUBLISH from gw-a-");
    }

    private String log() throws IOException {
        Path f = dir.resolve("mosquitto.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
