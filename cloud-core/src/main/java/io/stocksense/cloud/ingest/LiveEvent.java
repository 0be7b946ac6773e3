package io.stocksense.cloud.ingest;

import java.util.Objects;

/**
 * Something that changed with an ingest commit, for live dashboards: {@code movement},
 * {@code stock} or {@code telemetry}, with a JSON-serializable payload.
 */
public record LiveEvent(String name, Object data) {

    public static final String MOVEMENT = "movement";
    public static final String STOCK = "stock";
    public static final String TELEMETRY = "telemetry";

    public LiveEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }
}
