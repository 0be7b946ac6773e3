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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the tag reads of one RFID portal into movements.
 *
 * <ul>
 *   <li><b>Filtering:</b> reads weaker than {@code minRssiDbm} (cross-reads from a neighbouring door)
 *       and reads on antennas that are neither outer nor inner are ignored.</li>
 *   <li><b>Duplicates:</b> a read of a tag on the same antenna within {@code portal.duplicateWindow}
 *       of its last accepted read only keeps the tag and the pass alive (see {@link PortalTuning}).</li>
 *   <li><b>Pass:</b> every new tag until the portal has been quiet for {@code quietPeriod}. Each tag
 *       counts once, by the antenna that saw it first: outer (yard side) first = in (RECEIPT), inner
 *       first = out (DISPATCH). A closed pass is one movement per direction with a line per SKU and
 *       the SSCC as parent; unknown or unencoded EPCs stay as unresolved evidence ({@link PassResolver}).</li>
 *   <li><b>Cross-reads between portals:</b> a tag that a neighbouring portal of the same gateway read
 *       concurrently with a stronger RSSI belongs to that portal ({@link PortalArbiter}).</li>
 *   <li><b>Smoothing:</b> a tag of a closed pass counts as gone only after {@code portal.tagAbsence}
 *       without reads; until then its reads are not a new passage and do not keep a pass open.</li>
 * </ul>
 *
 * <p>Pure: time comes only from the instants passed in. Not thread-safe; the gateway calls all portal
 * engines and their shared arbiter from one thread.
 */
public final class PortalDirectionEngine {

    private final Device device;
    private final PortalSettings settings;
    private final PortalTuning tuning;
    private final PassResolver resolver;
    private final PortalArbiter arbiter;
    /** Every tag in view: members of the open pass, and tags of closed passes not yet gone. */
    private final Map<String, TagTrack> tracks = new HashMap<>();
    private Pass pass;
    private Instant nextSweep = Instant.MIN;
    private long duplicates;
    private long crossReads;

    /** A portal with no neighbours on this gateway. */
    public PortalDirectionEngine(Device device, Site site) {
        this(device, site, new PortalArbiter());
    }

    public PortalDirectionEngine(Device device, Site site, PortalArbiter arbiter) {
        this.device = Objects.requireNonNull(device, "device");
        this.settings = Objects.requireNonNull(device.portal(), "device " + device.id() + " has no portal settings");
        if (settings.quietPeriod() == null || settings.quietPeriod().isNegative() || settings.quietPeriod().isZero()) {
            throw new IllegalArgumentException("device " + device.id() + ": portal.quietPeriod must be positive");
        }
        if (settings.outerAntenna() == settings.innerAntenna()) {
            throw new IllegalArgumentException("device " + device.id() + ": portal outer and inner antenna must differ");
        }
        this.tuning = PortalTuning.of(device, settings.quietPeriod());
        this.resolver = new PassResolver(site);
        this.arbiter = Objects.requireNonNull(arbiter, "arbiter");
    }

    /** Records one read; returns the events of the previous pass if it had already gone quiet. */
    public List<PendingEvent> onTagRead(TagRead read, Instant receivedAt) {
        List<PendingEvent> closed = tick(receivedAt);
        int antenna = read.antenna();
        if ((settings.minRssiDbm() != null && read.rssiDbm() != null && read.rssiDbm() < settings.minRssiDbm())
                || (antenna != settings.outerAntenna() && antenna != settings.innerAntenna())) {
            return closed;
        }
        TagTrack track = tracks.get(read.epcHex());
        if (track == null || (track.inClosedPass && track.lastSeen.isBefore(receivedAt.minus(tuning.tagAbsence())))) {
            if (pass == null) {
                pass = new Pass(receivedAt, read.deviceTime());
                arbiter.passOpened(device.id(), receivedAt);
            }
            track = new TagTrack(read.epcHex(), antenna, arbiter.claim(read.epcHex(), device.id(), receivedAt,
                    settings.quietPeriod()));
            tracks.put(read.epcHex(), track);
            pass.members.add(track);
        }
        track.lastSeen = receivedAt;
        if (track.inClosedPass) {
            duplicates++;
            return closed;
        }
        pass.lastReadAt = receivedAt;
        long at = receivedAt.toEpochMilli();
        long last = antenna == settings.outerAntenna() ? track.lastOuterMillis : track.lastInnerMillis;
        if (last != Long.MIN_VALUE && at - last < tuning.duplicateWindow().toMillis()) {
            duplicates++;
            return closed;
        }
        if (antenna == settings.outerAntenna()) {
            track.lastOuterMillis = at;
        } else {
            track.lastInnerMillis = at;
        }
        track.claim.read(read.rssiDbm(), receivedAt);
        return closed;
    }

    /** Closes the open pass once the portal has been quiet for the quiet period; forgets gone tags. */
    public List<PendingEvent> tick(Instant now) {
        if (!now.isBefore(nextSweep)) {
            sweep(now);
        }
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

    /** Reads dropped as duplicates or as re-reads of tags not yet gone. */
    public long duplicateReads() {
        return duplicates;
    }

    /** Tags dropped from a pass because a neighbouring portal read them stronger. */
    public long crossReads() {
        return crossReads;
    }

    /** Tags in view (open pass, or closed pass and not yet gone). */
    public int tagsInView() {
        return tracks.size();
    }

    private void sweep(Instant now) {
        nextSweep = now.plusSeconds(1);
        Instant goneBefore = now.minus(tuning.tagAbsence());
        tracks.values().removeIf(t -> t.inClosedPass && t.lastSeen.isBefore(goneBefore));
    }

    private List<PendingEvent> close() {
        Pass closing = pass;
        pass = null;
        arbiter.passClosed(device.id());
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (TagTrack t : closing.members) {
            t.inClosedPass = true;
            if (arbiter.strongerElsewhere(t.epc, t.claim, settings.quietPeriod())) {
                crossReads++;
            } else {
                (t.firstAntenna == settings.outerAntenna() ? in : out).add(t.epc);
            }
        }
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

    /** One tag in view of this portal. */
    private static final class TagTrack {
        final String epc;
        final int firstAntenna;
        final PortalArbiter.Claim claim;
        Instant lastSeen;
        long lastOuterMillis = Long.MIN_VALUE;
        long lastInnerMillis = Long.MIN_VALUE;
        boolean inClosedPass;

        TagTrack(String epc, int firstAntenna, PortalArbiter.Claim claim) {
            this.epc = epc;
            this.firstAntenna = firstAntenna;
            this.claim = claim;
        }
    }

    /** The tags of one pass, in first-seen order. */
    private static final class Pass {
        final Instant firstReadAt;
        final Instant deviceTime;
        final List<TagTrack> members = new ArrayList<>();
        Instant lastReadAt;

        Pass(Instant firstReadAt, Instant deviceTime) {
            this.firstReadAt = firstReadAt;
            this.deviceTime = deviceTime;
            this.lastReadAt = firstReadAt;
        }
    }
}
