package io.stocksense.cloud.ingest;

import java.util.Objects;

/**
 * Something that changed, for live dashboards: {@code movement}, {@code stock}, {@code telemetry} or
 * {@code device-event} with an ingest commit, {@code alarm} when a person acknowledged or cleared one;
 * with a JSON-serializable payload.
 */
public record LiveEvent(String name, Object data) {

    public static final String MOVEMENT = "movement";
    public static final String STOCK = "stock";
    public static final String TELEMETRY = "telemetry";
    public static final String DEVICE_EVENT = "device-event";
    public static final String ALARM = "alarm";

    public LiveEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }
}
