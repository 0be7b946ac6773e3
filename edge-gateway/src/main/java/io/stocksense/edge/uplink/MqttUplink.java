package io.stocksense.edge.uplink;

import io.stocksense.edge.adapter.mqtt.MqttConnection;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.edge.outbox.Batch;
import io.stocksense.edge.outbox.SqliteOutbox;
import io.stocksense.edge.outbox.StoredEvent;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.BatchCodec;
import io.stocksense.protocol.event.EventBatch;
import io.stocksense.protocol.event.GatewayEvent;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the outbox to the cloud broker. For each channel it takes the oldest unbatched events (up
 * to {@value #MAX_BATCH}), gives them the next persisted {@code batchSeq}, publishes the
 * {@link EventBatch} with QoS 1 on {@code up/<channel>} and waits for the cloud's {@link BatchAck}
 * on {@code down/ack}; only that ack deletes the batch's rows. At most one batch per channel is in
 * flight, so a resend never overtakes newer events and per-device order holds. A batch not acked
 * within the ack timeout, or in flight when the connection drops, is unassigned and resent under a
 * new batchSeq; event ids are the cloud's dedup key, so a resend is harmless.
 *
 * <p>The gateway's {@code state} topic carries a retained birth {@code {"state":"online",...}} and a
 * retained last will {@code {"state":"offline"}}.
 *
 * <p><b>Threading:</b> all outbox work runs on the single {@code edge-uplink} thread; acks arriving on
 * Paho's callback thread are handed over to it.
 */
public final class MqttUplink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);
    public static final int MAX_BATCH = 500;

    private record InFlight(long batchSeq, Instant sentAt) {
    }

    private final String siteId;
    private final String gatewayId;
    private final SqliteOutbox outbox;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Duration ackTimeout;
    private final MqttConnection connection;
    private final ScheduledExecutorService thread;
    private final Map<Topics.Channel, InFlight> inFlight = new EnumMap<>(Topics.Channel.class);

    public MqttUplink(String url, String siteId, String gatewayId, Duration ackTimeout, SqliteOutbox outbox,
                      GatewayMetrics metrics, Clock clock) {
        this(url, siteId, gatewayId, ackTimeout, outbox, metrics, clock, o -> { });
    }

    /** As above; {@code security} adds a login and a TLS socket factory to the connect options. */
    public MqttUplink(String url, String siteId, String gatewayId, Duration ackTimeout, SqliteOutbox outbox,
                      GatewayMetrics metrics, Clock clock, java.util.function.Consumer<MqttConnectOptions> security) {
        this.siteId = siteId;
        this.gatewayId = gatewayId;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
        MqttConnectOptions options = MqttConnection.defaultOptions();
        options.setWill(Topics.state(siteId, gatewayId), stateJson("offline"), 1, true);
        security.accept(options);
        this.connection = new MqttConnection("uplink", url, "stocksense-" + siteId + "-" + gatewayId, options, new Listener());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-uplink");
            t.setDaemon(true);
            return t;
        });
    }

    /** Forgets batches left in flight by a previous run, connects once now and starts the send loop. */
    public boolean start() {
        int reopened = outbox.unassignAll();
        if (reopened > 0) {
            LOG.info("{} events were in flight when the gateway stopped; they will be resent", reopened);
        }
        boolean connected = connection.connectNow();
        thread.scheduleWithFixedDelay(this::pump, 0, 250, TimeUnit.MILLISECONDS);
        return connected;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** New events were stored: send them without waiting for the next poll. */
    public void wakeUp() {
        if (!thread.isShutdown()) {
            thread.execute(this::pump);
        }
    }

    /** Publishes the retained offline state, then disconnects; unacked events stay in the outbox. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection.isConnected()) {
            try {
                connection.publish(Topics.state(siteId, gatewayId), stateJson("offline"), 1, true);
            } catch (MqttException e) {
                LOG.debug("could not publish the offline state: {}", e.getMessage());
            }
        }
        connection.close();
    }

    private void pump() {
        try {
            expireUnacked();
            if (!connection.isConnected()) {
                return;
            }
            for (Topics.Channel channel : Topics.Channel.values()) {
                if (!inFlight.containsKey(channel) && !sendNext(channel)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("uplink send loop failed: {}", e.toString(), e);
        }
    }

    private void expireUnacked() {
        Instant now = clock.instant();
        inFlight.entrySet().removeIf(e -> {
            if (Duration.between(e.getValue().sentAt(), now).compareTo(ackTimeout) < 0) {
                return false;
            }
            LOG.info("batch {} ({}) not acked within {}; resending its events", e.getValue().batchSeq(), e.getKey(), ackTimeout);
            outbox.unassign(e.getValue().batchSeq());
            metrics.batchTimedOut();
            return true;
        });
    }

    /** Sends the channel's next batch, if any; false when publishing failed. */
    private boolean sendNext(Topics.Channel channel) {
        Batch batch = outbox.assignBatch(channel, MAX_BATCH).orElse(null);
        if (batch == null) {
            return true;
        }
        try {
            byte[] payload = BatchCodec.encode(new EventBatch(siteId, gatewayId, batch.batchSeq(), events(batch)));
            connection.publish(Topics.up(siteId, gatewayId, channel), payload, 1, false);
            inFlight.put(channel, new InFlight(batch.batchSeq(), clock.instant()));
            metrics.batchSent();
            LOG.debug("sent batch {} on {} with {} events", batch.batchSeq(), channel, batch.events().size());
            return true;
        } catch (MqttException | RuntimeException e) {
            LOG.warn("publishing batch {} failed, will resend: {}", batch.batchSeq(), e.getMessage());
            outbox.unassign(batch.batchSeq());
            return false;
        }
    }

    private static List<GatewayEvent> events(Batch batch) {
        List<GatewayEvent> events = new ArrayList<>(batch.events().size());
        for (StoredEvent e : batch.events()) {
            try {
                events.add(Json.MAPPER.readValue(e.payloadJson(), GatewayEvent.class));
            } catch (IOException ex) {
                throw new IllegalStateException("stored event " + e.eventId() + " is not readable: " + ex.getMessage(), ex);
            }
        }
        return events;
    }

    private void onAck(BatchAck ack) {
        inFlight.entrySet().removeIf(e -> e.getValue().batchSeq() == ack.batchSeq());
        int deleted = outbox.ack(ack.batchSeq());
        if (deleted > 0) {
            metrics.batchAcked();
        }
        ack.rejected().forEach(r -> LOG.warn("cloud rejected event {} of batch {}: {}", r.eventId(), ack.batchSeq(), r.reason()));
        LOG.debug("batch {} acked: {} events removed from the outbox", ack.batchSeq(), deleted);
        pump();
    }

    private byte[] stateJson(String state) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("state", state);
        body.put("siteId", siteId);
        body.put("gatewayId", gatewayId);
        body.put("at", clock.instant().toString());
        return Json.write(body);
    }

    private final class Listener implements MqttConnection.Listener {
        @Override
        public void connected(MqttConnection c) throws MqttException {
            c.subscribe(Topics.ack(siteId, gatewayId), 1);
            c.publish(Topics.state(siteId, gatewayId), stateJson("online"), 1, true);
            // Acks for batches sent on the old connection may be lost: resend them, in order.
            thread.execute(() -> {
                inFlight.values().forEach(f -> outbox.unassign(f.batchSeq()));
                inFlight.clear();
                pump();
            });
        }

        @Override
        public void disconnected(String reason) {
            LOG.debug("uplink offline: {}", reason);
        }

        @Override
        public void message(String topic, MqttMessage message) {
            BatchAck ack;
            try {
                ack = Json.MAPPER.readValue(message.getPayload(), BatchAck.class);
            } catch (IOException e) {
                LOG.warn("ignoring an unreadable ack on {}: {}", topic, new String(message.getPayload(), StandardCharsets.UTF_8));
                return;
            }
            if (!thread.isShutdown()) {
                thread.execute(() -> onAck(ack));
            }
        }
    }
}
