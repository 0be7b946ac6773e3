package io.stocksense.edge.alarm;

/**
 * What {@code /health} shows of one monitored zone.
 *
 * @param lastTemperatureC the latest temperature any sensor of the zone reported, or null
 * @param mktC             mean kinetic temperature over the zone's window, or null before any reading
 * @param alarm            the active excursion alarm, or null
 */
public record ZoneClimate(String warehouse, String zone, Double lastTemperatureC, Double mktC, ActiveAlarm alarm) {
}
