package io.stocksense.edge.engine.door;

import io.stocksense.config.Device;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.reading.DigitalInputReading;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a door-family device's input changes into {@link DeviceEvent}s. With {@code options.role: door}
 * (the default), a door contact: {@code door-opened} / {@code door-closed} on each change of state (the
 * first reading after a start reports the state found). With {@code role: portal-trigger}, a beam-break
 * at a portal: {@code portal-trigger} each time the beam is broken (the level found at start is only a
 * baseline); its restoring is no event. Not
 * thread-safe; the pipeline thread owns it.
 */
public final class DigitalInputEngine {

    public static final String ROLE_DOOR = "door";
    public static final String ROLE_PORTAL_TRIGGER = "portal-trigger";

    private final Device device;
    private final boolean portalTrigger;
    private Boolean lastActive;

    public DigitalInputEngine(Device device) {
        this.device = device;
        String role = device.options().getOrDefault("role", ROLE_DOOR);
        if (!ROLE_DOOR.equals(role) && !ROLE_PORTAL_TRIGGER.equals(role)) {
            throw new IllegalArgumentException("device " + device.id() + ": options.role must be " + ROLE_DOOR + " or "
                    + ROLE_PORTAL_TRIGGER + ", was '" + role + "'");
        }
        this.portalTrigger = ROLE_PORTAL_TRIGGER.equals(role);
    }

    public List<PendingEvent> onInput(DigitalInputReading reading, Instant receivedAt) {
        boolean first = lastActive == null;
        boolean changed = first || lastActive != reading.active();
        lastActive = reading.active();
        if (!changed) {
            return List.of();
        }
        String kind;
        if (portalTrigger) {
            // The level found at start-up is a baseline: a beam blocked while the gateway started is no pass.
            if (first || !reading.active()) {
                return List.of();
            }
            kind = "portal-trigger";
        } else {
            kind = reading.active() ? "door-opened" : "door-closed";
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("pin", reading.pin());
        put(attributes, "warehouse", device.warehouse());
        put(attributes, "location", device.location());
        put(attributes, "zone", device.zone());
        String message = device.id() + ": " + kind;
        return List.of(new PendingEvent(device.id(), (id, seq) -> new DeviceEvent(id, null, device.id(), seq,
                reading.deviceTime(), receivedAt, ClockSync.UNKNOWN, kind, "info", message, attributes)));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
