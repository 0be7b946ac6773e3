package io.stocksense.cloud.ingest;

import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * The MQTT side of ingest: consumes every gateway's {@code up/...} batches through
 * {@code stocksense/v1/+/+/up/+}, or with {@code STOCKSENSE_INGEST_SHARED=true} the shared subscription
 * {@code $share/cloud-core/stocksense/v1/+/+/up/+} (so several cloud-core instances split the load), at QoS 1, posts each batch with {@link BatchProcessor}, and publishes the
 * {@link BatchAck} on the gateway's {@code down/ack} only after COMMIT. Gateway {@code state}
 * messages are recorded too (plain subscription: retained messages are not sent to shared ones).
 *
 * <p>Paho quirk: messages of a {@code $share/...} subscription are not dispatched to
 * per-subscription listeners, so routing happens in the one global callback.
 *
 * <p>Threading: Paho's callback thread decodes each batch (JSON, no database) and hands it to
 * {@link IngestWorkers}, which post one gateway's batches in arrival order on one worker thread and
 * different gateways' batches in parallel. The hand-off queues are bounded; when one is full the
 * callback thread waits, which slows down MQTT delivery instead of buffering without limit.
 *
 * <p>Failure: a batch that cannot be committed is not acked, so the gateway keeps it in its outbox
 * and resends. Nothing thrown here reaches Paho (a throwing callback would drop the connection).
 */
public final class MqttIngest implements AutoCloseable {

    static final String STATE_FILTER = Topics.ROOT + "/+/+/state";
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final long TIMEOUT_MS = 10_000;

    private final MqttAsyncClient client;
    private final BatchProcessor processor;
    private final GatewayStateStore states;
    private final IngestMetrics metrics;
    private final IngestWorkers workers;
    private final String subscription = Topics.cloudSubscription(sharedSubscription());

    /**
     * {@code STOCKSENSE_INGEST_SHARED=true} (environment or system property) consumes with the shared subscription
     * {@code $share/cloud-core/...}, for several cloud-core instances on one broker. The default is a plain
     * subscription: one instance needs no sharing, and the embedded HiveMQ CE now and then stops delivering QoS 1
     * messages of a shared subscription to its subscriber (hivemq-community-edition#558). Several instances with
     * plain subscriptions stay exact too (every batch is deduplicated by event id), they only do the work twice.
     */
    static boolean sharedSubscription() {
        String v = System.getProperty("STOCKSENSE_INGEST_SHARED", System.getenv("STOCKSENSE_INGEST_SHARED"));
        return Boolean.parseBoolean(v);
    }
    private volatile boolean closed;

    private MqttIngest(MqttAsyncClient client, BatchProcessor processor, GatewayStateStore states, IngestMetrics metrics,
                       int workers) {
        this.client = client;
        this.processor = processor;
        this.states = states;
        this.metrics = metrics;
        this.workers = new IngestWorkers(workers, 256, "stocksense-ingest");
    }

    /**
     * Connects to the broker, subscribes, and returns once the subscriptions are acknowledged.
     *
     * @throws IllegalStateException naming the broker URL when it cannot be reached
     */
    public static MqttIngest start(String brokerUrl, BatchProcessor processor, GatewayStateStore states, IngestMetrics metrics) {
        return start(brokerUrl, processor, states, metrics, o -> { });
    }

    /** As above; {@code security} adds a login and a TLS socket factory to the connect options. */
    public static MqttIngest start(String brokerUrl, BatchProcessor processor, GatewayStateStore states, IngestMetrics metrics,
                                   java.util.function.Consumer<MqttConnectOptions> security) {
        return start(brokerUrl, processor, states, metrics, IngestWorkers.DEFAULT_COUNT, security);
    }

    /** As above with {@code workers} posting threads. */
    public static MqttIngest start(String brokerUrl, BatchProcessor processor, GatewayStateStore states, IngestMetrics metrics,
                                   int workers, java.util.function.Consumer<MqttConnectOptions> security) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "cloud-core-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            MqttIngest ingest = new MqttIngest(client, processor, states, metrics, workers);
            client.setCallback(ingest.new Callback());
            MqttConnectOptions options = options();
            security.accept(options);
            client.connect(options).waitForCompletion(TIMEOUT_MS);
            ingest.subscribe().waitForCompletion(TIMEOUT_MS);
            LOG.info("ingest consuming {} from {}", ingest.subscription, brokerUrl);
            return ingest;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect the ingest client to the MQTT broker at " + brokerUrl + ": "
                    + e.getMessage() + " (check STOCKSENSE_MQTT_URL)", e);
        }
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        // A clean session with re-subscription on reconnect: the gateways' outboxes, not the broker, hold
        // what was not acked yet, so nothing is lost while cloud-core is away.
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(5_000);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        o.setMaxInflight(256);
        return o;
    }

    private org.eclipse.paho.client.mqttv3.IMqttToken subscribe() throws MqttException {
        return client.subscribe(new String[] {subscription, STATE_FILTER}, new int[] {1, 1});
    }

    public boolean isConnected() {
        return !closed && client.isConnected();
    }

    /** On the callback thread: decode, then queue for the gateway's worker. */
    private void dispatch(String topic, MqttMessage message, long receivedNanos) {
        if (topic.endsWith("/state")) {
            workers.execute(topic, () -> handleState(topic, message));
            return;
        }
        Topics.Address from = Topics.parseUp(topic);
        if (from == null) {
            LOG.debug("ignoring message on unexpected topic {}", topic);
            return;
        }
        BatchProcessor.Received batch = processor.decode(from, topic, message.getPayload(), receivedNanos);
        workers.execute(from.gatewayId(), () -> post(batch));
    }

    private void handleState(String topic, MqttMessage message) {
        try {
            recordState(topic, message.getPayload());
        } catch (SQLException e) {
            LOG.warn("gateway state on {} not recorded: {}", topic, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("gateway state on {} failed: {}", topic, e.toString(), e);
        }
    }

    private void post(BatchProcessor.Received batch) {
        String topic = batch.topic();
        Topics.Address from = batch.from();
        try {
            Optional<BatchAck> ack = processor.post(batch);
            if (ack.isPresent()) {
                publishAck(from, ack.get());
                LOG.debug("batch {} from {}/{} committed and acked: {} accepted, {} duplicates, {} rejected",
                        ack.get().batchSeq(), from.siteId(), from.gatewayId(), ack.get().accepted(),
                        ack.get().duplicates(), ack.get().rejected().size());
            }
        } catch (SQLException e) {
            LOG.warn("batch on {} not committed, not acked (the gateway will resend): {}", topic, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("batch on {} failed, not acked (the gateway will resend): {}", topic, e.toString(), e);
        }
    }

    private void recordState(String topic, byte[] payload) throws SQLException {
        String[] parts = topic.split("/");
        if (parts.length != 5 || payload.length == 0) {
            return; // an empty retained message only clears the retained state
        }
        states.record(parts[2], parts[3], payload);
        metrics.gatewayState();
    }

    private void publishAck(Topics.Address from, BatchAck ack) {
        try {
            client.publish(Topics.ack(from.siteId(), from.gatewayId()), Json.write(ack), 1, false);
        } catch (MqttException | RuntimeException e) {
            // The batch is committed; the gateway will resend it and get an ack reporting duplicates.
            LOG.warn("ack of batch {} to {} not published: {}", ack.batchSeq(), from.gatewayId(), e.getMessage());
        }
    }

    /** Stops consuming, lets queued batches finish (and be acked), then disconnects. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client.isConnected()) {
                client.unsubscribe(new String[] {subscription, STATE_FILTER}).waitForCompletion(TIMEOUT_MS);
            }
        } catch (MqttException e) {
            LOG.debug("unsubscribe on close", e);
        }
        workers.close();
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MS).waitForCompletion(TIMEOUT_MS);
            }
            client.close();
        } catch (MqttException e) {
            LOG.debug("disconnect on close", e);
        }
    }

    /** The one global callback (see the Paho quirk above). */
    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect && !closed) {
                try {
                    subscribe(); // the clean session forgot the subscriptions
                    LOG.info("ingest reconnected to {}", serverUri);
                } catch (MqttException e) {
                    LOG.warn("re-subscribe after reconnect failed: {}", e.getMessage());
                }
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warn("ingest lost the MQTT connection ({}); reconnecting", cause == null ? "unknown" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long received = System.nanoTime();
            LOG.debug("received {} bytes on {}", message.getPayload().length, topic);
            try {
                dispatch(topic, message, received);
            } catch (RejectedExecutionException e) {
                LOG.debug("message on {} dropped while closing; the gateway will resend", topic);
            } catch (RuntimeException e) {
                LOG.warn("message on {} failed before posting, not acked (the gateway will resend): {}", topic, e.toString(), e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // acks are fire-and-forget at QoS 1; a lost ack only causes a resend
        }
    }
}
