package io.stocksense.cloud.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import io.stocksense.config.security.MqttPasswords;
import io.stocksense.cloud.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded HiveMQ CE broker with one listener (plain TCP, or TLS with client certificates), for the
 * zero-set-up single machine case and for small sites.
 * Its config, data and extensions folders live under the given directory, so retained messages and
 * persistent sessions survive a restart.
 *
 * <p>Without a password file anonymous clients are allowed (HiveMQ CE's default), which is why the
 * listener should then be bound to the loopback address; with one, {@link BrokerAccessControl} checks
 * logins and the per-gateway topic ACL.
 *
 * <p>Threading: {@link #start} blocks until the listener accepts connections; {@link #close} blocks
 * until the broker has stopped and is idempotent.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private boolean closed;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /**
     * Starts a broker listening on {@code bindAddress:port} ({@code port} 0 picks a free one).
     *
     * @throws IllegalStateException when the broker cannot start (folder not writable, port taken)
     */
    public static EmbeddedBroker start(Path dir, String bindAddress, int port) {
        return start(dir, bindAddress, port, BrokerSecurity.NONE);
    }

    /**
     * Starts a broker as {@link #start(Path, String, int)} does, with TLS (the only listener then) and/or
     * logins and the per-gateway topic ACL when {@code security} says so.
     */
    public static EmbeddedBroker start(Path dir, String bindAddress, int port, BrokerSecurity security) {
        int actual = port == 0 ? Ports.freePort(bindAddress) : port;
        Path config = dir.resolve("config");
        Path data = dir.resolve("data");
        Path extensions = dir.resolve("extensions");
        try {
            // HiveMQ refuses to start when one of its folders is missing.
            Files.createDirectories(config);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            Files.writeString(config.resolve("config.xml"), configXml(bindAddress, actual, security), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare broker folders under " + dir + ": " + e.getMessage(), e);
        }
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(config)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap();
        if (security.passwordFile() != null) {
            builder.withEmbeddedExtension(accessControl(security.passwordFile()));
        }
        EmbeddedHiveMQ hivemq = builder.build();
        try {
            hivemq.start().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(hivemq);
            throw new IllegalStateException("interrupted while starting the MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(hivemq);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the embedded MQTT broker did not start on " + bindAddress + ":" + actual
                    + ": " + cause.getMessage(), cause);
        }
        LOG.info("embedded MQTT broker listening on {}:{} ({}{})", bindAddress, actual, security.tls() ? "TLS" : "plain TCP",
                security.passwordFile() == null ? ", anonymous" : ", logins and topic ACL");
        return new EmbeddedBroker(hivemq, actual);
    }

    /** The port the TCP listener is bound to. */
    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            hivemq.stop().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("embedded MQTT broker did not stop cleanly: {}", e.getMessage());
        }
        closeQuietly(hivemq);
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (Exception e) {
            LOG.debug("closing embedded HiveMQ", e);
        }
    }

    /**
     * Messages kept (on disk) per offline persistent session. HiveMQ's default of 1,000 would drop a
     * restarting gateway's device readings after a few seconds of a busy site; a million covers hours.
     */
    static final long MAX_QUEUED_PER_CLIENT = 1_000_000;

    private static EmbeddedExtension accessControl(Path passwordFile) {
        Map<String, String> hashes;
        try {
            hashes = MqttPasswords.read(passwordFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the MQTT password file " + passwordFile + ": " + e.getMessage(), e);
        }
        return EmbeddedExtension.builder().withId("stocksense-access").withName("StockSense access control")
                .withVersion("1").withExtensionMain(new BrokerAccessControl(hashes)).build();
    }

    private static String configXml(String bindAddress, int port, BrokerSecurity security) {
        String listener = !security.tls()
                ? "    <tcp-listener>\n      <port>" + port + "</port>\n      <bind-address>" + bindAddress + "</bind-address>\n"
                        + "    </tcp-listener>\n"
                : "    <tls-tcp-listener>\n      <port>" + port + "</port>\n      <bind-address>" + bindAddress + "</bind-address>\n"
                        + "      <tls>\n        <keystore><path>" + xml(security.keystore().toAbsolutePath().toString()) + "</path>"
                        + "<password>" + xml(security.keystorePassword()) + "</password>"
                        + "<private-key-password>" + xml(security.keystorePassword()) + "</private-key-password></keystore>\n"
                        + (security.truststore() == null ? "" : "        <truststore><path>" + xml(security.truststore().toAbsolutePath().toString())
                        + "</path><password>" + xml(security.truststorePassword()) + "</password></truststore>\n"
                        + "        <client-authentication-mode>REQUIRED</client-authentication-mode>\n")
                        + "      </tls>\n    </tls-tcp-listener>\n";
        return "<?xml version=\"1.0\"?>\n<hivemq>\n  <listeners>\n" + listener + "  </listeners>\n"
                + "  <mqtt><queued-messages><max-queue-size>" + MAX_QUEUED_PER_CLIENT
                + "</max-queue-size><strategy>discard</strategy></queued-messages></mqtt>\n"
                + "  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n</hivemq>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
