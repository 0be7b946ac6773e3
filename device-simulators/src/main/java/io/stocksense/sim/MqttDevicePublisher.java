package io.stocksense.sim;

import io.stocksense.sim.device.MessageSink;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes device payloads to an MQTT broker as the devices themselves would: one Paho client,
 * QoS 1, not retained. {@link #publish} blocks until the broker has acknowledged the message, so
 * messages leave in the order they were published and none is lost unnoticed.
 *
 * <p>The URL may carry credentials ({@code tcp://user:secret@host:1883}); they go into the CONNECT
 * packet and never into logs or {@link #toString()}.
 *
 * <p>Thread-safe (Paho's client is), but the simulators publish from one thread. A publish that fails
 * after the client has had {@value #RECONNECT_WAIT_MS} ms to reconnect throws
 * {@link IllegalStateException}.
 */
public final class MqttDevicePublisher implements MessageSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDevicePublisher.class);
    private static final int QOS = 1;
    private static final long RECONNECT_WAIT_MS = 15_000;

    private final MqttClient client;
    private final String serverUri;
    private final AtomicLong sent = new AtomicLong();

    /**
     * Connects at once.
     *
     * @throws IllegalArgumentException when the URL is malformed
     * @throws IllegalStateException    when the broker cannot be reached
     */
    public MqttDevicePublisher(String mqttUrl, String clientId) {
        URI uri = parse(mqttUrl);
        this.serverUri = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(100);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            options.setUserName(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                options.setPassword(decode(userInfo.substring(colon + 1)).toCharArray());
            }
        }
        try {
            this.client = new MqttClient(serverUri, clientId, new MemoryPersistence());
            client.connect(options);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to MQTT broker " + serverUri + ": " + e.getMessage(), e);
        }
        LOG.debug("connected to {} as {}", serverUri, clientId);
    }

    @Override
    public void publish(String topic, byte[] payload) {
        long deadline = System.currentTimeMillis() + RECONNECT_WAIT_MS;
        while (true) {
            try {
                client.publish(topic, payload, QOS, false);
                sent.incrementAndGet();
                return;
            } catch (MqttException e) {
                // automatic reconnect is on: wait for it rather than lose a device message
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("cannot publish to " + topic + " on " + serverUri + ": " + e.getMessage(), e);
                }
                LOG.debug("publish to {} failed ({}), retrying", topic, e.getMessage());
                pause();
            }
        }
    }

    /** Messages the broker has acknowledged. */
    public long messagesSent() {
        return sent.get();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.debug("closing MQTT client for {}: {}", serverUri, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "MqttDevicePublisher[" + serverUri + ", sent=" + sent.get() + "]";
    }

    private static URI parse(String mqttUrl) {
        try {
            URI uri = new URI(mqttUrl);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("MQTT URL must look like tcp://host:1883, was '" + redact(mqttUrl) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MQTT URL must look like tcp://host:1883, was '" + redact(mqttUrl) + "'", e);
        }
    }

    private static String redact(String url) {
        return url == null ? "null" : url.replaceAll("//[^/@]*@", "//***@");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to publish", e);
        }
    }
}
