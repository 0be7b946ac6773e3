package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Plays a gateway with a raw Paho client: publishes batches on {@code up/...} and collects the
 * cloud's acks from {@code down/ack}.
 */
final class TestGateway implements AutoCloseable {

    static final String SITE = "demo";
    static final String GATEWAY = "gw-1";
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestGateway.class);
    private final MqttClient client;
    private final Map<Long, BatchAck> acks = new ConcurrentHashMap<>();
    /** What was sent per batch, for the resend a real gateway's outbox makes when an ack is late. */
    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();

    private record Sent(Topics.Channel channel, byte[] payload) {
    }

    TestGateway(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "test-gw-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
        client.subscribe(Topics.ack(SITE, GATEWAY), 1, (topic, msg) -> {
            BatchAck ack = Json.read(msg.getPayload(), BatchAck.class);
            LOG.debug("test gateway received ack {}", ack);
            acks.putIfAbsent(ack.batchSeq(), ack);
        });
    }

    static long nextSeq() {
        return SEQ.incrementAndGet();
    }

    /** A batch envelope holding the given event nodes. */
    static ObjectNode batch(long batchSeq, JsonNode... events) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put("siteId", SITE).put("gatewayId", GATEWAY).put("batchSeq", batchSeq);
        ArrayNode arr = b.putArray("events");
        for (JsonNode e : events) {
            arr.add(e);
        }
        return b;
    }

    static JsonNode movement(MovementType type, String location, String sku, String qty, String unit, String lot,
                             List<String> epcs) {
        String id = UUID.randomUUID().toString();
        StockMovement m = new StockMovement(id, null, "dev-" + location, nextSeq(), Instant.parse("2026-01-05T10:00:00Z"),
                Instant.now(), ClockSync.SYNCED, type, "WH1", location,
                List.of(new MovementLine(sku, null, new BigDecimal(qty), unit, lot, epcs)), null, List.of());
        return Json.MAPPER.valueToTree(m);
    }

    static JsonNode movement(MovementType type, String location, String sku, String qty, String unit) {
        return movement(type, location, sku, qty, unit, null, List.of());
    }

    static JsonNode telemetry(String zone, String metric, double value, String unit) {
        TelemetryPoint t = new TelemetryPoint(UUID.randomUUID().toString(), null, "sensor-" + zone, nextSeq(), null,
                Instant.now(), ClockSync.SYNCED, "WH1", zone, metric, value, unit);
        return Json.MAPPER.valueToTree(t);
    }

    void publish(Topics.Channel channel, JsonNode batch) throws MqttException {
        byte[] payload = batch.toString().getBytes(StandardCharsets.UTF_8);
        if (batch.hasNonNull("batchSeq")) {
            sent.put(batch.get("batchSeq").asLong(), new Sent(channel, payload));
        }
        publishRaw(channel, payload);
    }

    void publishRaw(Topics.Channel channel, byte[] payload) throws MqttException {
        client.publish(Topics.up(SITE, GATEWAY, channel), payload, 1, false);
        LOG.debug("test gateway published {} bytes on {}", payload.length, channel);
    }

    /**
     * Waits for the cloud's ack of {@code batchSeq}. Like the gateway's outbox, a batch whose ack is 10 s late is
     * sent again (re-delivery is idempotent): the embedded HiveMQ CE now and then leaves a QoS 1 message on a shared
     * subscription undelivered (hivemq-community-edition#558), and the gateway's resend is what recovers it.
     */
    BatchAck awaitAck(long batchSeq) {
        long[] lastSend = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (acks.containsKey(batchSeq)) {
                return true;
            }
            Sent s = sent.get(batchSeq);
            if (s != null && System.nanoTime() - lastSend[0] > Duration.ofSeconds(10).toNanos()) {
                LOG.warn("no ack for batch {} after 10 s; sending it again, as a gateway's outbox would", batchSeq);
                publishRaw(s.channel(), s.payload());
                lastSend[0] = System.nanoTime();
            }
            return false;
        });
        sent.remove(batchSeq);
        return acks.remove(batchSeq);
    }

    boolean hasAck(long batchSeq) {
        return acks.containsKey(batchSeq);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
