package io.stocksense.edge.engine.door;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.reading.DigitalInputReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigitalInputEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Device door(Map<String, String> options) {
        return new Device("door-dock1", "gw-1", DeviceFamily.DOOR, Transport.GPIO, "17", "gpio", "WH1", "DOCK-1", null,
                null, null, options);
    }

    private static List<String> kinds(DigitalInputEngine engine, boolean... states) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            List<GatewayEvent> events = materialize(engine.onInput(new DigitalInputReading("door-dock1", null, "17", states[i]),
                    T0.plusSeconds(i)));
            events.forEach(e -> out.add(((DeviceEvent) e).kind()));
        }
        return out;
    }

    @Test
    void aDoorReportsEachChangeOnce() {
        DigitalInputEngine engine = new DigitalInputEngine(door(Map.of()));
        assertThat(kinds(engine, false, true, true, false, false, true))
                .containsExactly("door-closed", "door-opened", "door-closed", "door-opened");
    }

    @Test
    void theEventNamesThePinAndThePlace() {
        DigitalInputEngine engine = new DigitalInputEngine(door(Map.of()));
        DeviceEvent e = (DeviceEvent) materialize(engine.onInput(new DigitalInputReading("door-dock1", null, "17", true), T0)).get(0);
        assertThat(e.deviceId()).isEqualTo("door-dock1");
        assertThat(e.gatewayTime()).isEqualTo(T0);
        assertThat(e.attributes()).containsEntry("pin", "17").containsEntry("warehouse", "WH1").containsEntry("location", "DOCK-1");
    }

    @Test
    void aBeamBreakTriggersOnlyWhenBroken() {
        DigitalInputEngine engine = new DigitalInputEngine(door(Map.of("role", "portal-trigger")));
        assertThat(kinds(engine, false, true, false, true, true)).containsExactly("portal-trigger", "portal-trigger");
        DigitalInputEngine blockedAtStart = new DigitalInputEngine(door(Map.of("role", "portal-trigger")));
        assertThat(kinds(blockedAtStart, true, true, false, true)).containsExactly("portal-trigger");
    }

    @Test
    void anUnknownRoleIsAConfigurationError() {
        assertThatThrownBy(() -> new DigitalInputEngine(door(Map.of("role", "window"))))
                .hasMessageContaining("options.role must be door or portal-trigger, was 'window'");
    }
}
