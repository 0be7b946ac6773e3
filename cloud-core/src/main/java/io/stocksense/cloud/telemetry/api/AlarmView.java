package io.stocksense.cloud.telemetry.api;

import java.time.Instant;

/**
 * An alarm in {@code GET /api/v1/alarms}: a zone excursion ({@code alarm-raised}) or a full gateway
 * outbox ({@code outbox-full}) as the gateway reported it, when the zone came back within limits
 * ({@code normalAt}, reported by the gateway), and who acknowledged and cleared it.
 *
 * @param state {@code active} (nobody acted yet), {@code acknowledged} or {@code cleared}
 */
public record AlarmView(long id, String kind, String severity, String warehouse, String zone, String message,
                        Double value, Double limit, String reportedBy, Instant raisedAt, Instant normalAt,
                        String ackedBy, Instant ackedAt, String clearedBy, Instant clearedAt, String state) {

    public static final String ACTIVE = "active";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String CLEARED = "cleared";
}
