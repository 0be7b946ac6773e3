package io.stocksense.cloud.dashboard;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/devices/health}: every gateway and device the cloud knows, and how they are. */
public record DeviceHealthView(List<Gateway> gateways, List<Device> devices) {

    /**
     * A gateway's retained state ({@code online}, {@code offline}, or null before its first message) and
     * its outbox backlog when its state message reports one ({@code outboxDepth}).
     */
    public record Gateway(String siteId, String id, String name, String warehouse, String state, Instant stateAt,
                          Long outboxDepth) {
    }

    /**
     * A device: when the cloud last ingested one of its events, its latest battery level (%, or null),
     * and its last status change as the gateway reported it ({@code ONLINE}/{@code OFFLINE} with reason).
     */
    public record Device(String siteId, String id, String gateway, String family, String warehouse, String location,
                         String zone, Instant lastSeen, Double battery, String status, String statusReason,
                         Instant statusAt) {
    }
}
