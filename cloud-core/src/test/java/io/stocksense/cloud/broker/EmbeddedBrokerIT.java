package io.stocksense.cloud.broker;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway's persistent device session must not lose readings while the gateway restarts: the
 * embedded broker keeps far more than HiveMQ's default 1,000 queued messages for an offline client.
 */
class EmbeddedBrokerIT {

    static final int MESSAGES = 1_500;

    @TempDir
    Path dir;

    @Test
    void anOfflinePersistentSessionGetsEveryQueuedMessageBeyondTheDefaultLimit() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, "127.0.0.1", 0)) {
            String url = "tcp://127.0.0.1:" + broker.port();
            MqttConnectOptions persistent = new MqttConnectOptions();
            persistent.setCleanSession(false);
            MqttClient gateway = new MqttClient(url, "gateway-devices", new MemoryPersistence());
            gateway.connect(persistent);
            gateway.subscribe("shelf/#", 1);
            gateway.disconnect();

            MqttClient device = new MqttClient(url, "device", new MemoryPersistence());
            MqttConnectOptions burst = new MqttConnectOptions();
            burst.setMaxInflight(MESSAGES); // Paho's default window of 10 refuses a fast burst of QoS 1 publishes
            device.connect(burst);
            for (int i = 0; i < MESSAGES; i++) {
                device.publish("shelf/S1/weight", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
            }
            device.disconnect();

            Set<String> received = ConcurrentHashMap.newKeySet();
            gateway.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            gateway.connect(persistent);
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= MESSAGES);
            assertThat(received).hasSize(MESSAGES).contains("{\"n\":0}", "{\"n\":" + (MESSAGES - 1) + "}");
            gateway.disconnect();
            gateway.close();
            device.close();
        }
    }
}
