package io.stocksense.config;

import java.time.Duration;

/**
 * An RFID portal (dock door) with an outer antenna (yard side) and an inner antenna (warehouse side).
 * A tag first seen on the outer antenna moves in (receipt); first seen on the inner one, out
 * (dispatch). A pass closes after the portal has been quiet for {@code quietPeriod}.
 *
 * @param minRssiDbm reads weaker than this are ignored (cross-reads from a neighbouring portal), or
 *                   null to keep all
 */
public record PortalSettings(int outerAntenna, int innerAntenna, Duration quietPeriod, Double minRssiDbm) {
}
