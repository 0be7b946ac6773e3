package io.stocksense.edge.adapter.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One Paho MQTT v3 client that keeps itself connected: a failed connect or a lost connection is
 * retried with {@link Backoff} (exponential, jittered) on its own thread, and {@link Listener#connected}
 * runs after every successful connect so subscriptions and birth messages are restored. Paho's own
 * automatic reconnect is not used because it has no jitter and its connect hook runs on the callback
 * thread, where a blocking subscribe deadlocks.
 *
 * <p>Messages arrive through one global {@link MqttCallback} (Paho does not dispatch {@code $share}
 * subscriptions to per-subscription listeners). {@link Listener#message} runs on Paho's callback
 * thread and the QoS 1 PUBACK is sent only after it returns, so a listener that stores the message
 * before returning has it acknowledged only once it is safe. A listener that throws makes Paho drop
 * the connection without acknowledging; with a persistent session the broker redelivers the message
 * after the reconnect. Listeners therefore throw only when they could not store the message.
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);

    /** Callbacks of one connection. */
    public interface Listener {
        /** Runs on the connection's own thread after each connect; subscribe and publish here. */
        void connected(MqttConnection connection) throws MqttException;

        /** The connection failed or was lost; {@code reason} is fit for a status page. */
        void disconnected(String reason);

        /** Runs on Paho's callback thread; the message is acknowledged when this returns. */
        void message(String topic, MqttMessage message) throws Exception;
    }

    private final String name;
    private final MqttClient client;
    private final MqttConnectOptions options;
    private final Listener listener;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final ScheduledExecutorService reconnector;
    private volatile boolean closed;

    public MqttConnection(String name, String url, String clientId, MqttConnectOptions options, Listener listener) {
        this.name = name;
        this.options = options;
        this.listener = listener;
        try {
            this.client = new MqttClient(url, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": bad MQTT URL '" + url + "': " + e.getMessage(), e);
        }
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-" + name);
            t.setDaemon(true);
            return t;
        });
        client.setCallback(new Callback());
    }

    /** Standard options: clean session, no Paho auto-reconnect, short timeouts. */
    public static MqttConnectOptions defaultOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(20);
        o.setMaxInflight(1000);
        return o;
    }

    /** Tries to connect once now, on the caller's thread; on failure keeps retrying in the background. */
    public boolean connectNow() {
        try {
            return reconnector.submit(this::attempt).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public String url() {
        return client.getServerURI();
    }

    /** Publishes and waits for the broker's PUBACK (QoS 1). Call from a worker thread, not the callback. */
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        client.publish(topic, payload, qos, retained);
    }

    public void subscribe(String filter, int qos) throws MqttException {
        client.subscribe(filter, qos);
    }

    @Override
    public void close() {
        closed = true;
        reconnector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("{}: disconnect failed: {}", name, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("{}: close failed: {}", name, e.getMessage());
        }
    }

    private boolean attempt() {
        if (closed || client.isConnected()) {
            return client.isConnected();
        }
        try {
            client.connect(options);
            listener.connected(this);
            backoff.reset();
            LOG.info("{}: connected to {}", name, client.getServerURI());
            return true;
        } catch (MqttException | RuntimeException e) {
            String reason = "cannot connect to " + client.getServerURI() + ": " + describe(e);
            LOG.warn("{}: {}", name, reason);
            disconnectQuietly();
            listener.disconnected(reason);
            scheduleReconnect();
            return false;
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        Duration delay = backoff.next();
        LOG.debug("{}: reconnecting in {} ms", name, delay.toMillis());
        reconnector.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disconnectQuietly() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000);
            }
        } catch (MqttException ignored) {
            // already down: nothing to undo
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e || cause.getMessage() == null ? msg : msg + " (" + cause.getMessage() + ")";
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            if (closed) {
                return;
            }
            String reason = "connection to " + client.getServerURI() + " lost: " + describe(cause);
            LOG.warn("{}: {}", name, reason);
            listener.disconnected(reason);
            if (!reconnector.isShutdown()) {
                reconnector.execute(MqttConnection.this::scheduleReconnect);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            try {
                listener.message(topic, message);
            } catch (Exception e) {
                // Rethrown on purpose: Paho then drops the connection WITHOUT acknowledging the message,
                // and a persistent session makes the broker redeliver it after the reconnect.
                LOG.error("{}: could not take a message on {}, not acknowledging it: {}", name, topic, e.toString(), e);
                throw e;
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() waits for its own token; nothing to do here
        }
    }
}
