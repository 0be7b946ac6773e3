package io.stocksense.edge.health;

import io.stocksense.edge.alarm.ZoneClimate;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's state at one moment, as served on {@code /health} and {@code /metrics}.
 *
 * @param oldestEventAge age of the oldest event not yet acked by the cloud, or null when none
 * @param zones          the zones with local alarms: latest temperature, MKT and active alarm
 */
public record HealthSnapshot(String siteId, String gatewayId, List<DeviceStatus> devices, long outboxDepth,
                             Duration oldestEventAge, boolean uplinkConnected, long deadLetters, List<ZoneClimate> zones) {

    public HealthSnapshot {
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    public HealthSnapshot(String siteId, String gatewayId, List<DeviceStatus> devices, long outboxDepth,
                          Duration oldestEventAge, boolean uplinkConnected, long deadLetters) {
        this(siteId, gatewayId, devices, outboxDepth, oldestEventAge, uplinkConnected, deadLetters, List.of());
    }

    /** UP when the uplink is connected and every device is online; DEGRADED otherwise (still serving). */
    public String status() {
        boolean allOnline = devices.stream().allMatch(d -> d.state() == DeviceStatus.State.ONLINE);
        return uplinkConnected && allOnline ? "UP" : "DEGRADED";
    }
}
