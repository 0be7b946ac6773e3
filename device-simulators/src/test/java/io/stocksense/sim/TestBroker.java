package io.stocksense.sim;

import com.hivemq.embedded.EmbeddedHiveMQ;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** A real embedded HiveMQ CE on a free loopback port, and a Paho recorder subscribed to {@code #}. */
final class TestBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    final int port;

    private TestBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    static TestBroker start(Path dir) throws Exception {
        int port = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(conf).withDataFolder(dir.resolve("data"))
                .withExtensionsFolder(dir.resolve("extensions")).build();
        hivemq.start().get(60, TimeUnit.SECONDS);
        return new TestBroker(hivemq, port);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Subscribes to everything; messages land in the returned client's traffic in arrival order. */
    Recorder recorder() throws MqttException {
        return new Recorder(url());
    }

    @Override
    public void close() throws Exception {
        hivemq.stop().get(30, TimeUnit.SECONDS);
        hivemq.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static final class Recorder implements AutoCloseable {

        final Traffic traffic = new Traffic();
        private final MqttClient client;

        Recorder(String url) throws MqttException {
            client = new MqttClient(url, "recorder-" + System.nanoTime(), new MemoryPersistence());
            // one global callback: Paho does not always dispatch to per-subscription listeners
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    traffic.add(new Traffic.Message(topic, message.getPayload(), Instant.now()));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            client.connect(options);
            client.subscribe("#", 1);
        }

        @Override
        public void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }
}
