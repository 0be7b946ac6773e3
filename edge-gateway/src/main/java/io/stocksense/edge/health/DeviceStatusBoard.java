package io.stocksense.edge.health;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Current status of every configured device. Thread-safe: written by adapters, read by health.
 * A listener hears every transition (state or reason changed, not a new detail text), so a device
 * retrying with a fresh error message each time does not flood the cloud with status events.
 */
public final class DeviceStatusBoard {

    private final Clock clock;
    private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();
    private volatile Consumer<DeviceStatus> listener = s -> { };

    public DeviceStatusBoard(Clock clock) {
        this.clock = clock;
    }

    public void online(String deviceId) {
        DeviceStatus before = statuses.get(deviceId);
        DeviceStatus now = statuses.compute(deviceId, (id, old) -> old != null && old.state() == DeviceStatus.State.ONLINE ? old
                : new DeviceStatus(id, DeviceStatus.State.ONLINE, null, null, clock.instant()));
        notifyIfChanged(before, now);
    }

    public void offline(String deviceId, DeviceStatus.Reason reason, String detail) {
        DeviceStatus now = new DeviceStatus(deviceId, DeviceStatus.State.OFFLINE, reason, detail, clock.instant());
        notifyIfChanged(statuses.put(deviceId, now), now);
    }

    /** Hears every later transition; called on the thread that reported it, so it must not block. */
    public void onTransition(Consumer<DeviceStatus> transitionListener) {
        this.listener = transitionListener;
    }

    private void notifyIfChanged(DeviceStatus before, DeviceStatus now) {
        boolean changed = before == null ? now.reason() != DeviceStatus.Reason.NOT_STARTED
                : before.state() != now.state() || before.reason() != now.reason();
        if (changed && now.reason() != DeviceStatus.Reason.NOT_STARTED) {
            listener.accept(now);
        }
    }

    /** Offline for a configuration error is sticky: a reconnect does not make such a device online. */
    public boolean hasConfigurationError(String deviceId) {
        DeviceStatus s = statuses.get(deviceId);
        return s != null && s.reason() == DeviceStatus.Reason.CONFIGURATION_ERROR;
    }

    public DeviceStatus get(String deviceId) {
        return statuses.get(deviceId);
    }

    public List<DeviceStatus> all() {
        return statuses.values().stream().sorted(java.util.Comparator.comparing(DeviceStatus::deviceId)).toList();
    }
}
