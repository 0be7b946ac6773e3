package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.gpio.GpioAdapterFactory;
import io.stocksense.edge.adapter.gpio.GpioContextSource;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.sim.gpio.GpioPinSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The GPIO simulator (door contacts, a light barrier, a stack light on Pi4J's mock board) wired to the
 * real gateway through its context seam: door and beam changes become events in the cloud, and a
 * board that is unplugged at start leaves the pins OFFLINE until it is plugged in.
 */
class GpioSimulatorIT {

    private static final Device DOOR = gpio("door-dock1", DeviceFamily.DOOR, "17", Map.of("pull", "up"));
    private static final Device BEAM = gpio("beam-dock1", DeviceFamily.DOOR, "22", Map.of("role", "portal-trigger", "activeLow", "true"));

    @TempDir
    Path dir;

    private final GpioPinSimulator pins = new GpioPinSimulator();
    private TestBroker broker;
    private FakeCloud cloud;
    private EdgeGateway gateway;
    private GpioContextSource previous;

    private static Device gpio(String id, DeviceFamily family, String pin, Map<String, String> options) {
        return new Device(id, "gw-1", family, Transport.GPIO, pin, "gpio", "WH1", "DOCK-1", null, null, null, options);
    }

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start(dir.resolve("broker"));
        cloud = new FakeCloud(broker.url(), true);
        previous = GpioAdapterFactory.useContextSource(pins::openContext);
    }

    @AfterEach
    void stop() throws Exception {
        GpioAdapterFactory.useContextSource(previous);
        if (gateway != null) {
            gateway.close();
        }
        cloud.close();
        broker.close();
    }

    @Test
    void aBoardPluggedInLateThenDoorAndBeamChangesReachTheCloud() throws Exception {
        pins.unplug();
        gateway = EdgeGateway.start(new GatewayConfig(TestSites.small(List.of(DOOR, BEAM)), "gw-1", broker.url(), broker.url(),
                dir.resolve("data"), 0, Duration.ofSeconds(5)));
        await().atMost(Duration.ofSeconds(60)).until(() -> cloud.statusEvents().stream().anyMatch(e -> "door-dock1".equals(e.attributes().get("device"))
                && "COMMUNICATION_ERROR".equals(e.attributes().get("reason"))));
        assertThat(pins.ready(DOOR)).isFalse();

        pins.plugIn();
        await().atMost(Duration.ofSeconds(90)).until(() -> pins.ready(DOOR) && pins.ready(BEAM));
        pins.rest(BEAM);
        pins.activate(DOOR);
        pins.deactivate(DOOR);
        pins.beamBreak(BEAM, Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(60)).until(() -> kinds("door-dock1").size() >= 2 && kinds("beam-dock1").size() >= 1);
        assertThat(kinds("door-dock1")).endsWith("door-opened", "door-closed");
        assertThat(kinds("beam-dock1")).containsExactly("portal-trigger");
        assertThat(pins.changes()).isEqualTo(5);
    }

    private List<String> kinds(String deviceId) {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals(deviceId)).map(e -> ((DeviceEvent) e).kind()).toList();
    }
}
