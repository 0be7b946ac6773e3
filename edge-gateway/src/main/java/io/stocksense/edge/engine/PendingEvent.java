package io.stocksense.edge.engine;

import io.stocksense.protocol.event.GatewayEvent;

import java.util.Objects;

/**
 * An event an engine decided on, still without its identity. The outbox assigns the device's next
 * sequence number and the deterministic event id in the same transaction that stores the event, so
 * a crash can never leave a sequence number used but its event missing (or the reverse).
 */
public record PendingEvent(String deviceId, Factory factory) {

    public PendingEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(factory, "factory");
    }

    /** Builds the event once its identity is known. */
    @FunctionalInterface
    public interface Factory {
        GatewayEvent create(String eventId, long deviceSeq);
    }

    public GatewayEvent create(String eventId, long deviceSeq) {
        return factory.create(eventId, deviceSeq);
    }
}
