package io.stocksense.cloud.standards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an EPCIS 2.0 JSON-LD {@code EPCISDocument} from ledger rows and hourly sensor statistics.
 *
 * <p>Movements: one {@code ObjectEvent} per ledger event (all its lines). RFID lines list their items in
 * {@code epcList}; counted lines go to {@code quantityList} with an EPC class and a UN/CEFACT unit. A document
 * that moves stock between two locations (a move, a transfer's ship or receive step) is one event whose
 * {@code sourceList}/{@code destinationList} name both locations. Documents (transfers, stocktakes, scrap,
 * adjustments) are named in {@code bizTransactionList}.
 *
 * <p>Sensor data: one {@code ObjectEvent} (bizStep {@code sensor_reporting}) per device and hour, whose
 * {@code sensorElementList} gives the minimum, maximum and mean of temperature and relative humidity.
 *
 * <p>Events are ordered by event time. Pure; not thread-safe (build one document per builder).
 */
public final class EpcisDocumentBuilder {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> COUNT_UNITS = Set.of("EA", "H87", "C62", "CS", "PK", "BX", "CT", "PA", "PCE");

    private record Timed(Instant time, ObjectNode event) {
    }

    private final List<Timed> events = new ArrayList<>();

    /** Adds the movements of these ledger rows (rows of one ledger event may come in any order). */
    public EpcisDocumentBuilder movements(List<LedgerLine> lines) {
        Map<String, List<LedgerLine>> byEvent = new LinkedHashMap<>();
        for (LedgerLine l : lines) {
            byEvent.computeIfAbsent(l.eventId(), k -> new ArrayList<>()).add(l);
        }
        byEvent.values().forEach(group -> {
            group.sort(Comparator.comparingInt(LedgerLine::lineNo));
            events.add(new Timed(group.get(0).eventTime(), movementEvent(group)));
        });
        return this;
    }

    /** Adds one sensor event per device and hour; metrics EPCIS has no measurement type for are left out. */
    public EpcisDocumentBuilder sensorData(List<SensorBucket> buckets) {
        Map<String, List<SensorBucket>> byDeviceHour = new LinkedHashMap<>();
        for (SensorBucket b : buckets) {
            if (EpcisVocabulary.measurementType(b.metric()).isPresent()) {
                byDeviceHour.computeIfAbsent(b.deviceId() + "\u0000" + b.start(), k -> new ArrayList<>()).add(b);
            }
        }
        byDeviceHour.values().forEach(group -> {
            Instant last = group.stream().map(SensorBucket::lastReading).max(Comparator.naturalOrder()).orElseThrow();
            events.add(new Timed(last, sensorEvent(group, last)));
        });
        return this;
    }

    public ObjectNode build(Instant creationDate) {
        ObjectNode doc = F.objectNode();
        doc.putArray("@context").add(CONTEXT);
        doc.put("type", "EPCISDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", time(creationDate));
        ArrayNode list = doc.putObject("epcisBody").putArray("eventList");
        events.stream().sorted(Comparator.comparing(Timed::time)).forEach(t -> list.add(t.event()));
        return doc;
    }

    private ObjectNode movementEvent(List<LedgerLine> group) {
        LedgerLine first = group.get(0);
        EpcisVocabulary.Step step = EpcisVocabulary.step(first.movementType());
        Optional<LedgerLine> out = group.stream().filter(l -> l.movementType().endsWith("_OUT")).findFirst();
        Optional<LedgerLine> in = group.stream().filter(l -> l.movementType().endsWith("_IN")).findFirst();
        boolean paired = out.isPresent() && in.isPresent();
        ObjectNode e = header("ObjectEvent", first.eventTime(), EpcisVocabulary.eventId(first.eventId(), null));
        e.put("recordTime", time(first.recordTime()));
        Set<String> epcs = new LinkedHashSet<>();
        ArrayNode quantities = F.arrayNode();
        // A paired document names the same goods twice (out of one location, into the other): count them once.
        for (LedgerLine l : paired ? List.of(in.get()) : group) {
            if (l.epcs().isEmpty()) {
                quantities.add(quantity(l));
            } else {
                l.epcs().forEach(epc -> EpcisVocabulary.epcUri(epc).ifPresent(epcs::add));
            }
        }
        ArrayNode epcList = e.putArray("epcList");
        epcs.forEach(epcList::add);
        if (!quantities.isEmpty()) {
            e.set("quantityList", quantities);
        }
        e.put("action", step.action());
        e.put("bizStep", step.bizStep());
        if (step.disposition() != null) {
            e.put("disposition", step.disposition());
        }
        LedgerLine at = paired && !"in_transit".equals(step.disposition()) ? in.get() : out.orElse(first);
        e.putObject("readPoint").put("id", EpcisVocabulary.locationUri(at.warehouse(), at.location()));
        if (!"in_transit".equals(step.disposition())) {
            e.putObject("bizLocation").put("id", EpcisVocabulary.warehouseUri(at.warehouse()));
        }
        if (!first.causeType().equals("device-event")) {
            e.putArray("bizTransactionList").addObject().put("bizTransaction", EpcisVocabulary.documentUri(first.causeRef()));
        }
        if (paired) {
            e.putArray("sourceList").addObject().put("type", "location")
                    .put("source", EpcisVocabulary.locationUri(out.get().warehouse(), out.get().location()));
            e.putArray("destinationList").addObject().put("type", "location")
                    .put("destination", EpcisVocabulary.locationUri(in.get().warehouse(), in.get().location()));
        }
        return e;
    }

    private static ObjectNode quantity(LedgerLine l) {
        ObjectNode q = F.objectNode();
        q.put("epcClass", EpcisVocabulary.epcClass(l.sku(), l.gtin(), l.companyPrefixLength(), l.lot()));
        q.put("quantity", plain(l.quantity().abs()));
        // A count of trade items (each, case, pack) has no uom in EPCIS: the EPC class already says what is counted.
        EpcisVocabulary.uom(l.unit()).filter(u -> !COUNT_UNITS.contains(u)).ifPresent(u -> q.put("uom", u));
        return q;
    }

    private ObjectNode sensorEvent(List<SensorBucket> group, Instant last) {
        SensorBucket first = group.get(0);
        ObjectNode e = header("ObjectEvent", last,
                EpcisVocabulary.eventId(first.deviceId() + "@" + first.start(), "sensor"));
        e.putArray("epcList");
        e.put("action", "OBSERVE");
        e.put("bizStep", "sensor_reporting");
        e.putObject("readPoint").put("id", EpcisVocabulary.zoneUri(first.warehouse(), first.zone()));
        if (first.warehouse() != null) {
            e.putObject("bizLocation").put("id", EpcisVocabulary.warehouseUri(first.warehouse()));
        }
        ObjectNode element = e.putArray("sensorElementList").addObject();
        element.putObject("sensorMetadata")
                .put("startTime", time(first.start()))
                .put("endTime", time(first.end()))
                .put("deviceID", EpcisVocabulary.deviceUri(first.deviceId()));
        ArrayNode reports = element.putArray("sensorReport");
        for (SensorBucket b : group) {
            ObjectNode r = reports.addObject();
            r.put("type", EpcisVocabulary.measurementType(b.metric()).orElseThrow());
            r.put("minValue", round(b.min()));
            r.put("maxValue", round(b.max()));
            r.put("meanValue", round(b.mean()));
            EpcisVocabulary.uom(b.unit()).ifPresent(u -> r.put("uom", u));
        }
        return e;
    }

    private static ObjectNode header(String type, Instant eventTime, String eventId) {
        ObjectNode e = F.objectNode();
        e.put("type", type);
        e.put("eventTime", time(eventTime));
        e.put("eventTimeZoneOffset", "+00:00");
        e.put("eventID", eventId);
        return e;
    }

    private static BigDecimal round(double v) {
        return plain(BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN));
    }

    /** Without trailing zeros and never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal v) {
        return new BigDecimal(v.stripTrailingZeros().toPlainString());
    }

    /** RFC 3339 in UTC with millisecond precision, as EPCIS examples write it. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
