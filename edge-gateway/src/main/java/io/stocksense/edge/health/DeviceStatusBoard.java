package io.stocksense.edge.health;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Current status of every configured device. Thread-safe: written by adapters, read by health. */
public final class DeviceStatusBoard {

    private final Clock clock;
    private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();

    public DeviceStatusBoard(Clock clock) {
        this.clock = clock;
    }

    public void online(String deviceId) {
        statuses.compute(deviceId, (id, old) -> old != null && old.state() == DeviceStatus.State.ONLINE ? old
                : new DeviceStatus(id, DeviceStatus.State.ONLINE, null, null, clock.instant()));
    }

    public void offline(String deviceId, DeviceStatus.Reason reason, String detail) {
        statuses.put(deviceId, new DeviceStatus(deviceId, DeviceStatus.State.OFFLINE, reason, detail, clock.instant()));
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
