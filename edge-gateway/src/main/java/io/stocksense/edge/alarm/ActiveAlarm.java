package io.stocksense.edge.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * A local temperature excursion alarm that is raised and not yet cleared. Persisted in the outbox
 * database so a restarted gateway still knows it (and keeps the stack light on).
 *
 * @param since    when the temperature left the band (the first reading of the confirmed excursion)
 * @param raisedAt when the alarm was raised ({@code since} + the zone's alarm delay, or later)
 * @param valueC   the temperature that raised it
 * @param limitC   the limit it crossed (the band's max when too warm, its min when too cold)
 * @param sensorId the sensor whose readings raised it
 */
public record ActiveAlarm(String warehouse, String zone, Instant since, Instant raisedAt, double valueC, double limitC,
                          String sensorId) {

    public ActiveAlarm {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /** The zone's key in maps and in the outbox table: {@code warehouse/zone}. */
    public String zoneKey() {
        return key(warehouse, zone);
    }

    public static String key(String warehouse, String zone) {
        return warehouse + "/" + zone;
    }
}
