package io.stocksense.edge.engine.rfid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The shared view of all RFID portals of one gateway, used to settle cross-reads: adjacent dock doors
 * often both read a tag that passes only one of them. Every portal registers a {@link Claim} per tag
 * presence (its peak RSSI and first/last read time); when a pass closes, a tag that another portal
 * read at a <em>concurrent</em> time (claim intervals overlapping within a window) with a stronger peak
 * RSSI belongs to that other portal and is dropped from this pass. Equal peaks go to the portal whose
 * id sorts first, so exactly one portal keeps the tag. Reads without RSSI are never arbitrated.
 *
 * <p>The decision is taken when a pass closes, over the reads that arrived by then; because a pass
 * closes only after its portal has been quiet for its quiet period, concurrent reads of the
 * neighbour are in by then. Claims are kept while any open pass might still need them.
 *
 * <p>Not thread-safe: the gateway's single pipeline thread owns it, with all its portal engines.
 */
public final class PortalArbiter {

    /** One portal's presence of one tag. Mutated in place by its portal engine (no map lookup per read). */
    static final class Claim {
        final String portal;
        final Instant first;
        Instant last;
        double peakRssi = Double.NaN;

        Claim(String portal, Instant first) {
            this.portal = portal;
            this.first = first;
            this.last = first;
        }

        void read(Double rssi, Instant at) {
            last = at;
            if (rssi != null && (Double.isNaN(peakRssi) || rssi > peakRssi)) {
                peakRssi = rssi;
            }
        }
    }

    private final Map<String, List<Claim>> claims = new HashMap<>();
    private final Map<String, Instant> openPasses = new HashMap<>();
    private Duration longestWindow = Duration.ZERO;

    /** Starts a new claim of {@code portal} on {@code epc}. */
    Claim claim(String epc, String portal, Instant at, Duration window) {
        if (window.compareTo(longestWindow) > 0) {
            longestWindow = window;
        }
        Claim c = new Claim(portal, at);
        claims.computeIfAbsent(epc, k -> new ArrayList<>(2)).add(c);
        return c;
    }

    void passOpened(String portal, Instant at) {
        openPasses.put(portal, at);
    }

    void passClosed(String portal) {
        openPasses.remove(portal);
    }

    /** True when another portal read {@code epc} concurrently with {@code mine} and stronger. */
    boolean strongerElsewhere(String epc, Claim mine, Duration window) {
        if (Double.isNaN(mine.peakRssi)) {
            return false;
        }
        List<Claim> all = claims.get(epc);
        if (all == null) {
            return false;
        }
        Instant from = mine.first.minus(window);
        Instant to = mine.last.plus(window);
        for (Claim other : all) {
            if (other == mine || other.portal.equals(mine.portal) || Double.isNaN(other.peakRssi)
                    || other.first.isAfter(to) || other.last.isBefore(from)) {
                continue;
            }
            if (other.peakRssi > mine.peakRssi || (other.peakRssi == mine.peakRssi && other.portal.compareTo(mine.portal) < 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Forgets claims no open pass can overlap any more: those that ended a window before the earliest
     * open pass started (or before {@code now} when no pass is open).
     */
    public void prune(Instant now) {
        Instant horizon = now;
        for (Instant start : openPasses.values()) {
            if (start.isBefore(horizon)) {
                horizon = start;
            }
        }
        Instant before = horizon.minus(longestWindow).minus(longestWindow);
        Iterator<List<Claim>> it = claims.values().iterator();
        while (it.hasNext()) {
            List<Claim> list = it.next();
            list.removeIf(c -> c.last.isBefore(before));
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }

    /** Tags with at least one claim (for tests and metrics). */
    public int trackedTags() {
        return claims.size();
    }
}
