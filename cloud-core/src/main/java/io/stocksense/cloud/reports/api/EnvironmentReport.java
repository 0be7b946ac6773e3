package io.stocksense.cloud.reports.api;

import io.stocksense.cloud.telemetry.api.AlarmView;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/reports/environment}: per zone over [from, to), and the excursions (alarms) raised in it. */
public record EnvironmentReport(Instant from, Instant to, List<Zone> zones, List<AlarmView> excursions) {

    /**
     * A zone's temperature: its limits, readings, min / mean / max, mean kinetic temperature (ΔH/R = 10,000 K),
     * how many readings were outside the limits and for about how many minutes (each reading holds until
     * the next one), and how many excursions the gateway raised.
     */
    public record Zone(String warehouse, String zone, String name, Double minC, Double maxC, long readings, Double min,
                       Double mean, Double max, Double mkt, long readingsOutside, double minutesOutside, long excursions) {
    }
}
