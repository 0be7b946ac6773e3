package io.stocksense.edge.engine.rfid;

import io.stocksense.config.Device;
import io.stocksense.config.PortalSettings;
import io.stocksense.config.Site;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.reading.TagRead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the tag reads of one RFID portal into movements. A pass is every read until the portal has
 * been quiet for {@link PortalSettings#quietPeriod()}. Within a pass each EPC counts once, on the
 * antenna that saw it first: first seen outside (yard side) means the goods came in (RECEIPT), first
 * seen inside means they left (DISPATCH). Reads weaker than {@code minRssiDbm} are cross-reads from a
 * neighbouring door and are ignored, as are antennas that are neither outer nor inner.
 *
 * <p>Pure: time comes only from the instants passed in. Not thread-safe; the gateway calls one engine
 * from one thread.
 */
public final class PortalDirectionEngine {

    private final Device device;
    private final PortalSettings settings;
    private final PassResolver resolver;
    private Pass pass;

    public PortalDirectionEngine(Device device, Site site) {
        this.device = Objects.requireNonNull(device, "device");
        this.settings = Objects.requireNonNull(device.portal(), "device " + device.id() + " has no portal settings");
        if (settings.quietPeriod() == null || settings.quietPeriod().isNegative() || settings.quietPeriod().isZero()) {
            throw new IllegalArgumentException("device " + device.id() + ": portal.quietPeriod must be positive");
        }
        if (settings.outerAntenna() == settings.innerAntenna()) {
            throw new IllegalArgumentException("device " + device.id() + ": portal outer and inner antenna must differ");
        }
        this.resolver = new PassResolver(site);
    }

    /** Records one read; returns the events of the previous pass if it had already gone quiet. */
    public List<PendingEvent> onTagRead(TagRead read, Instant receivedAt) {
        List<PendingEvent> closed = tick(receivedAt);
        if (settings.minRssiDbm() != null && read.rssiDbm() != null && read.rssiDbm() < settings.minRssiDbm()) {
            return closed;
        }
        if (read.antenna() != settings.outerAntenna() && read.antenna() != settings.innerAntenna()) {
            return closed;
        }
        if (pass == null) {
            pass = new Pass(receivedAt, read.deviceTime());
        }
        pass.firstAntenna.putIfAbsent(read.epcHex(), read.antenna());
        pass.lastReadAt = receivedAt;
        return closed;
    }

    /** Closes the open pass once the portal has been quiet for the quiet period. */
    public List<PendingEvent> tick(Instant now) {
        if (pass == null || Duration.between(pass.lastReadAt, now).compareTo(settings.quietPeriod()) < 0) {
            return List.of();
        }
        return close();
    }

    /** Closes the open pass now, quiet or not (gateway shutdown: a split pass beats a lost one). */
    public List<PendingEvent> flush() {
        return pass == null ? List.of() : close();
    }

    public boolean passOpen() {
        return pass != null;
    }

    private List<PendingEvent> close() {
        Pass closing = pass;
        pass = null;
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        closing.firstAntenna.forEach((epc, antenna) -> (antenna == settings.outerAntenna() ? in : out).add(epc));
        List<PendingEvent> events = new ArrayList<>(2);
        direction(MovementType.RECEIPT, in, closing, events);
        direction(MovementType.DISPATCH, out, closing, events);
        return events;
    }

    private void direction(MovementType type, List<String> epcs, Pass pass, List<PendingEvent> events) {
        if (epcs.isEmpty()) {
            return;
        }
        PassResolver.Resolved r = resolver.resolve(epcs);
        String id = device.id();
        if (!r.lines().isEmpty()) {
            events.add(new PendingEvent(id, (eventId, seq) -> new StockMovement(eventId, null, id, seq, pass.deviceTime,
                    pass.firstReadAt, ClockSync.UNKNOWN, type, device.warehouse(), device.location(), r.lines(),
                    r.parentEpc(), r.unresolved())));
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("direction", type.name());
        evidence.put("location", String.valueOf(device.location()));
        evidence.put("count", String.valueOf(r.unresolved().size() + (r.parentEpc() == null ? 0 : 1)));
        evidence.put("epcs", String.join(",", r.unresolved()));
        if (r.parentEpc() != null) {
            evidence.put("parentEpc", r.parentEpc());
        }
        events.add(new PendingEvent(id, (eventId, seq) -> new DeviceEvent(eventId, null, id, seq, pass.deviceTime,
                pass.firstReadAt, ClockSync.UNKNOWN, "unresolved-tags", "warning",
                "portal pass with tags that map to no product", evidence)));
    }

    /** The reads of one pass, in first-seen order. */
    private static final class Pass {
        final Instant firstReadAt;
        final Instant deviceTime;
        final Map<String, Integer> firstAntenna = new LinkedHashMap<>();
        Instant lastReadAt;

        Pass(Instant firstReadAt, Instant deviceTime) {
            this.firstReadAt = firstReadAt;
            this.deviceTime = deviceTime;
            this.lastReadAt = firstReadAt;
        }
    }
}
