package io.stocksense.edge;

import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.BatchCodec;
import io.stocksense.protocol.event.GatewayEvent;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cloud side of the northbound contract, as a plain Paho client: records every batch on
 * {@code stocksense/v1/+/+/up/+} and, when acking, answers each on {@code down/ack}. Acks are published
 * from its own thread, not from Paho's callback.
 */
final class FakeCloud implements AutoCloseable {

    record Received(Topics.Address address, BatchCodec.Decoded batch) {
    }

    final List<Received> batches = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    private final MqttClient client;
    private final ExecutorService acker = Executors.newSingleThreadExecutor();
    private volatile boolean acking;

    FakeCloud(String url, boolean acking) throws MqttException {
        this.acking = acking;
        client = new MqttClient(url, "fake-cloud-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.endsWith("/state")) {
                    states.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                    return;
                }
                Received r = new Received(Topics.parseUp(topic), BatchCodec.decode(message.getPayload()));
                batches.add(r);
                if (FakeCloud.this.acking) {
                    acker.execute(() -> ack(r));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect();
        client.subscribe(Topics.cloudSubscription(false), 1);
        client.subscribe("stocksense/v1/+/+/state", 1);
    }

    void setAcking(boolean acking) {
        this.acking = acking;
    }

    /** Acks every batch received so far. */
    void ackAll() {
        batches.forEach(r -> acker.execute(() -> ack(r)));
    }

    void clear() {
        batches.clear();
    }

    private void ack(Received r) {
        try {
            client.publish(Topics.ack(r.address().siteId(), r.address().gatewayId()),
                    Json.write(BatchAck.of(r.batch().batchSeq())), 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events of one channel, without the gateway's device-status reports (see {@link #statusEvents()}). */
    List<GatewayEvent> events(Topics.Channel channel) {
        List<GatewayEvent> out = new ArrayList<>();
        batches.stream().filter(r -> r.address().channel() == channel)
                .forEach(r -> r.batch().events().stream().filter(e -> !isStatus(e)).forEach(out::add));
        return out;
    }

    List<GatewayEvent> allEvents() {
        List<GatewayEvent> out = new ArrayList<>();
        batches.forEach(r -> r.batch().events().stream().filter(e -> !isStatus(e)).forEach(out::add));
        return out;
    }

    /** The gateway's {@code device-status} events, in arrival order. */
    List<io.stocksense.protocol.event.DeviceEvent> statusEvents() {
        List<io.stocksense.protocol.event.DeviceEvent> out = new ArrayList<>();
        batches.forEach(r -> r.batch().events().stream().filter(FakeCloud::isStatus)
                .forEach(e -> out.add((io.stocksense.protocol.event.DeviceEvent) e)));
        return out;
    }

    private static boolean isStatus(GatewayEvent e) {
        return e instanceof io.stocksense.protocol.event.DeviceEvent d && "device-status".equals(d.kind());
    }

    @Override
    public void close() throws Exception {
        acker.shutdownNow();
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
