package io.stocksense.edge.adapter.mqtt;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.ReadingSink;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads MQTT devices from the device broker: subscribes (QoS 1) to every configured device's
 * {@code address} topic filter and hands each payload, through the device's codec, to a
 * {@link ReadingSink}. I/O only; decoding is the codec's, decisions are the engines'.
 *
 * <p>The session is persistent (clean session off, stable client id), so the broker keeps device
 * messages while the gateway restarts, and a message the sink could not store is redelivered.
 * A device whose codec is unknown is OFFLINE with {@code CONFIGURATION_ERROR} and never subscribed;
 * the others go ONLINE on connect and OFFLINE with {@code COMMUNICATION_ERROR} when the broker is lost.
 */
public final class MqttDeviceAdapter implements DeviceAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDeviceAdapter.class);

    private record Binding(Device device, DeviceCodec codec) {
    }

    private final Map<String, List<Binding>> byFilter = new LinkedHashMap<>();
    private final DeviceStatusBoard status;
    private final ReadingSink sink;
    private final Clock clock;
    private final MqttConnection connection;

    public MqttDeviceAdapter(String url, String clientId, List<Device> devices, CodecRegistry codecs,
                             DeviceStatusBoard status, ReadingSink sink, Clock clock) {
        this.status = status;
        this.sink = sink;
        this.clock = clock;
        for (Device d : devices) {
            if (d.transport() == Transport.MQTT && !status.hasConfigurationError(d.id())) {
                bind(d, codecs);
            }
        }
        MqttConnectOptions options = MqttConnection.defaultOptions();
        options.setCleanSession(false);
        this.connection = new MqttConnection("devices", url, clientId, options, new Listener());
    }

    private void bind(Device d, CodecRegistry codecs) {
        Optional<DeviceCodec> codec = codecs.find(d.codec());
        if (codec.isEmpty()) {
            status.offline(d.id(), DeviceStatus.Reason.CONFIGURATION_ERROR,
                    "unknown codec '" + d.codec() + "'; this gateway knows " + codecs.names());
        } else if (d.address() == null || d.address().isBlank()) {
            status.offline(d.id(), DeviceStatus.Reason.CONFIGURATION_ERROR, "no MQTT topic in address");
        } else {
            byFilter.computeIfAbsent(d.address(), k -> new ArrayList<>()).add(new Binding(d, codec.get()));
            status.offline(d.id(), DeviceStatus.Reason.NOT_STARTED, "not connected to the device broker yet");
        }
    }

    /** Connects once now (subscribing on success); on failure keeps retrying in the background. */
    @Override
    public void start() {
        if (!byFilter.isEmpty()) {
            connection.connectNow();
        }
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public void close() {
        connection.close();
    }

    private final class Listener implements MqttConnection.Listener {
        @Override
        public void connected(MqttConnection c) throws org.eclipse.paho.client.mqttv3.MqttException {
            for (Map.Entry<String, List<Binding>> e : byFilter.entrySet()) {
                c.subscribe(e.getKey(), 1);
                e.getValue().forEach(b -> status.online(b.device().id()));
            }
        }

        @Override
        public void disconnected(String reason) {
            byFilter.values().forEach(list -> list.forEach(b ->
                    status.offline(b.device().id(), DeviceStatus.Reason.COMMUNICATION_ERROR, reason)));
        }

        @Override
        public void message(String topic, MqttMessage message) {
            Instant receivedAt = clock.instant();
            byte[] payload = message.getPayload();
            for (Map.Entry<String, List<Binding>> e : byFilter.entrySet()) {
                if (MqttTopic.isMatched(e.getKey(), topic)) {
                    for (Binding b : e.getValue()) {
                        sink.accept(b.device(), b.codec().name(), payload, decode(b, topic, payload, receivedAt), receivedAt);
                    }
                }
            }
        }
    }

    private static DecodeResult decode(Binding b, String topic, byte[] payload, Instant receivedAt) {
        try {
            return b.codec().decode(b.device(), topic, payload, receivedAt);
        } catch (RuntimeException e) {
            // A codec must not throw; if one does, the payload is still kept as a dead letter.
            LOG.warn("codec {} threw on a payload of {}: {}", b.codec().name(), b.device().id(), e.toString());
            return DecodeResult.rejected("codec " + b.codec().name() + " failed: " + e, payload);
        }
    }
}
