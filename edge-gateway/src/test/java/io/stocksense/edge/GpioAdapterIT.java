package io.stocksense.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Site;
import io.stocksense.config.TemperatureLimits;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.gpio.GpioAdapterFactory;
import io.stocksense.edge.adapter.gpio.GpioContextSource;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GPIO through the real gateway, with Pi4J's mock platform as the pins: door and beam inputs become
 * events in the cloud, and a cold-room excursion raises a local alarm that lights the signal output
 * while the cloud broker is down. Device and cloud brokers are separate embedded HiveMQ instances.
 */
class GpioAdapterIT {

    private static final TemperatureLimits FAST = new TemperatureLimits(2, 8, Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5, 2);
    private static final List<Device> GPIO = List.of(
            gpio("door-dock1", DeviceFamily.DOOR, "17", Map.of("pull", "up")),
            gpio("beam-dock1", DeviceFamily.DOOR, "22", Map.of("role", "portal-trigger", "activeLow", "true")),
            gpio("stack-light", DeviceFamily.SIGNAL, "27", Map.of("on", "alarm")));

    @TempDir
    Path dir;

    private TestBroker deviceBroker;
    private TestBroker cloudBroker;
    private MqttClient devices;
    private FakeCloud cloud;
    private EdgeGateway gateway;
    private GpioContextSource previous;
    private final AtomicReference<Context> pins = new AtomicReference<>();
    private final ScheduledExecutorService sensor = Executors.newSingleThreadScheduledExecutor();
    private volatile String coldRoom = "5.0";

    private static Device gpio(String id, DeviceFamily family, String pin, Map<String, String> options) {
        return new Device(id, "gw-1", family, Transport.GPIO, pin, "gpio", "WH1", family == DeviceFamily.DOOR ? "DOCK-1" : null,
                null, null, null, options);
    }

    @BeforeEach
    void start() throws Exception {
        deviceBroker = TestBroker.start(dir.resolve("device-broker"));
        cloudBroker = TestBroker.start(dir.resolve("cloud-broker"));
        devices = new MqttClient(deviceBroker.url(), "test-devices", new MemoryPersistence());
        devices.connect();
        previous = GpioAdapterFactory.useContextSource(() -> {
            Context c = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                    .build();
            pins.set(c);
            return c;
        });
    }

    @AfterEach
    void stop() throws Exception {
        sensor.shutdownNow();
        GpioAdapterFactory.useContextSource(previous);
        if (gateway != null) {
            gateway.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        devices.disconnect();
        devices.close();
        deviceBroker.close();
        cloudBroker.close();
    }

    private EdgeGateway startGateway(Site site) {
        return EdgeGateway.start(new GatewayConfig(site, "gw-1", cloudBroker.url(), deviceBroker.url(), dir.resolve("data"), 0,
                Duration.ofSeconds(5)));
    }

    private MockDigitalInput input(String deviceId) {
        return pins.get().io("stocksense-" + deviceId, MockDigitalInput.class);
    }

    private DigitalState light() {
        return pins.get().io("stocksense-stack-light", DigitalOutput.class).state();
    }

    private List<String> kinds(String deviceId) {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals(deviceId)).map(e -> ((DeviceEvent) e).kind()).toList();
    }

    @Test
    void doorAndBeamChangesReachTheCloudAsDeviceEvents() throws Exception {
        cloud = new FakeCloud(cloudBroker.url(), true);
        gateway = startGateway(TestSites.small(GPIO, FAST));
        await().atMost(Duration.ofSeconds(60)).until(() -> "ONLINE".equals(health("door-dock1").path("status").asText()));

        input("door-dock1").mockState(DigitalState.HIGH);
        input("door-dock1").mockState(DigitalState.LOW);
        input("beam-dock1").mockState(DigitalState.HIGH); // beam restored (activeLow)
        input("beam-dock1").mockState(DigitalState.LOW);  // beam broken

        await().atMost(Duration.ofSeconds(60)).until(() -> kinds("door-dock1").size() >= 3 && kinds("beam-dock1").size() >= 1);
        assertThat(kinds("door-dock1")).containsExactly("door-closed", "door-opened", "door-closed");
        assertThat(kinds("beam-dock1")).containsExactly("portal-trigger");
        GatewayEvent opened = cloud.allEvents().stream().filter(e -> e.deviceId().equals("door-dock1")).toList().get(1);
        assertThat(opened.deviceSeq()).isEqualTo(2);
        assertThat(((DeviceEvent) opened).attributes()).containsEntry("pin", "17").containsEntry("location", "DOCK-1");
        assertThat(light()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void anExcursionLightsTheSignalWhileTheCloudIsDownAndTheCloudHearsOfItLater() throws Exception {
        cloud = new FakeCloud(cloudBroker.url(), true);
        gateway = startGateway(TestSites.small(GPIO, FAST));
        await().atMost(Duration.ofSeconds(60)).until(() -> "ONLINE".equals(health("stack-light").path("status").asText()));
        cloud.close();
        cloud = null;
        cloudBroker.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> !healthBody().path("uplinkConnected").asBoolean());

        sensor.scheduleAtFixedRate(() -> publishColdRoom(), 0, 300, TimeUnit.MILLISECONDS);
        coldRoom = "9.5";
        await().atMost(Duration.ofSeconds(60)).until(() -> light() == DigitalState.HIGH);
        JsonNode zone = healthBody().path("zones").get(0);
        assertThat(zone.path("zone").asText()).isEqualTo("COLD");
        assertThat(zone.path("alarm").path("limit").asDouble()).isEqualTo(8.0);

        coldRoom = "7.6"; // inside the band but within the hysteresis: stays on
        Thread.sleep(3000);
        assertThat(light()).isEqualTo(DigitalState.HIGH);
        coldRoom = "5.0";
        await().atMost(Duration.ofSeconds(60)).until(() -> light() == DigitalState.LOW);
        assertThat(healthBody().path("zones").get(0).path("alarm").isNull()).isTrue();

        cloudBroker.restart();
        cloud = new FakeCloud(cloudBroker.url(), true);
        await().atMost(Duration.ofSeconds(90)).until(() -> kinds("gw-1").size() >= 2);
        assertThat(kinds("gw-1")).containsExactly("alarm-raised", "alarm-cleared");
        DeviceEvent raised = (DeviceEvent) cloud.allEvents().stream().filter(e -> e.deviceId().equals("gw-1")).findFirst().orElseThrow();
        assertThat(raised.severity()).isEqualTo("critical");
        assertThat(raised.attributes()).containsEntry("zone", "COLD").containsEntry("value", "9.5").containsEntry("limit", "8.0")
                .containsKey("since");
    }

    @Test
    void withoutGpioHardwareTheDevicesAreOfflineAndTheGatewayKeepsRunning() throws Exception {
        GpioAdapterFactory.useContextSource(() -> {
            throw new IllegalStateException("no gpiochip found");
        });
        cloud = new FakeCloud(cloudBroker.url(), true);
        gateway = startGateway(TestSites.small(GPIO, FAST));

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMMUNICATION_ERROR".equals(health("door-dock1").path("reason").asText()));
        assertThat(health("stack-light").path("detail").asText()).contains("no gpiochip found");
        devices.publish("zigbee2mqtt/cold-room-1", "{\"temperature\":4.5}".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> cloud.allEvents().stream().anyMatch(e -> e.deviceId().equals("cold-sensor-1")));
    }

    private void publishColdRoom() {
        try {
            devices.publish("zigbee2mqtt/cold-room-1", ("{\"temperature\":" + coldRoom + "}").getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode healthBody() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort()
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return Json.MAPPER.readTree(body);
    }

    private JsonNode health(String deviceId) throws Exception {
        for (JsonNode d : healthBody().path("devices")) {
            if (d.path("id").asText().equals(deviceId)) {
                return d;
            }
        }
        return Json.MAPPER.createObjectNode();
    }
}
