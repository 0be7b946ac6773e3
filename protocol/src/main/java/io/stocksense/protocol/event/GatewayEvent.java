package io.stocksense.protocol.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.stocksense.protocol.Topics;

import java.time.Instant;

/**
 * One event a gateway sends north. Every event has a deterministic {@link #eventId()} (see
 * {@link EventIds}), so re-delivery is a no-op in the cloud, and a per-device sequence number so
 * gaps can be detected and replay order kept.
 *
 * <p>On the wire the event is a flat JSON object whose {@code type} names the kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = StockMovement.class, name = StockMovement.TYPE),
        @JsonSubTypes.Type(value = TelemetryPoint.class, name = TelemetryPoint.TYPE),
        @JsonSubTypes.Type(value = DeviceEvent.class, name = DeviceEvent.TYPE)
})
public sealed interface GatewayEvent permits StockMovement, TelemetryPoint, DeviceEvent {

    String eventId();

    /** {@code movement}, {@code telemetry} or {@code device-event}. */
    String type();

    String deviceId();

    /** Per-device sequence number assigned by the gateway, starting at 1, gap-free per device. */
    long deviceSeq();

    /** The device's own clock, when the device reports one; otherwise null. */
    Instant deviceTime();

    /** When the gateway received the reading that produced this event. */
    Instant gatewayTime();

    /** Whether the gateway's clock was synchronised when it stamped {@link #gatewayTime()}. */
    ClockSync clockSync();

    /** The northbound channel this event travels on. */
    Topics.Channel channel();
}
