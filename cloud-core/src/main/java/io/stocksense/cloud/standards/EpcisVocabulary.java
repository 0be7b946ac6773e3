package io.stocksense.cloud.standards;

import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.EpcDecodeResult;
import io.stocksense.protocol.epc.Gtin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How StockSense terms map onto the GS1 Core Business Vocabulary (CBV 2.0) and EPC URIs.
 *
 * <p>EPCIS 2.0 JSON-LD writes CBV terms in their short form ({@code "receiving"}, {@code "in_transit"}): the
 * standard's JSON-LD context expands them to {@code https://ref.gs1.org/cbv/BizStep-receiving}, and the GS1 JSON
 * schema rejects the EPCIS 1.x URNs ({@code urn:epcglobal:cbv:bizstep:receiving}) in JSON documents.
 *
 * <p>Locations carry no GLN in StockSense's master data, so read points and business locations are site URNs
 * ({@code urn:stocksense:loc:WH1:DOCK-1}) rather than SGLNs. Pure; thread-safe.
 */
public final class EpcisVocabulary {

    /** The CBV business step, disposition and EPCIS action of one kind of ledger movement. */
    public record Step(String bizStep, String disposition, String action) {
    }

    private static final Step OTHER = new Step("other", null, "OBSERVE");
    private static final Map<String, Step> STEPS = Map.ofEntries(
            Map.entry("RECEIPT", new Step("receiving", "in_progress", "OBSERVE")),
            Map.entry("DISPATCH", new Step("departing", "in_transit", "OBSERVE")),
            Map.entry("SHELF_PLACEMENT", new Step("storing", "sellable_not_accessible", "OBSERVE")),
            Map.entry("SHELF_PICK", new Step("picking", "in_progress", "OBSERVE")),
            Map.entry("MOVE", new Step("storing", "in_progress", "OBSERVE")),
            Map.entry("TRANSFER_SHIP", new Step("shipping", "in_transit", "OBSERVE")),
            Map.entry("TRANSFER_RECEIVE", new Step("receiving", "in_progress", "OBSERVE")),
            Map.entry("SCRAP", new Step("destroying", "destroyed", "DELETE")),
            Map.entry("STOCKTAKE", new Step("stock_taking", "unknown", "OBSERVE")),
            Map.entry("ADJUSTMENT", new Step("inspecting", "unknown", "OBSERVE")));

    private static final Pattern UOM = Pattern.compile("[A-Z0-9]{2,3}");
    private static final Map<String, String> UNIT_NAMES = Map.ofEntries(
            Map.entry("kg", "KGM"), Map.entry("g", "GRM"), Map.entry("t", "TNE"), Map.entry("l", "LTR"),
            Map.entry("ml", "MLT"), Map.entry("m", "MTR"), Map.entry("pcs", "H87"), Map.entry("pc", "H87"),
            Map.entry("piece", "H87"), Map.entry("each", "EA"), Map.entry("ea", "EA"), Map.entry("c", "CEL"),
            Map.entry("°c", "CEL"), Map.entry("f", "FAH"), Map.entry("°f", "FAH"), Map.entry("%", "P1"),
            Map.entry("%rh", "P1"));
    private static final Map<String, String> MEASUREMENTS = Map.of(
            "temperature", "Temperature", "humidity", "RelativeHumidity");

    private EpcisVocabulary() {
    }

    /**
     * The step of a ledger movement type; paired document rows ({@code MOVE_OUT}/{@code MOVE_IN},
     * {@code TRANSFER_SHIP_OUT}/...) share the step of their document.
     */
    public static Step step(String movementType) {
        String base = movementType.replaceFirst("_(OUT|IN)$", "");
        return STEPS.getOrDefault(base, OTHER);
    }

    /** The EPCIS measurement type of a telemetry metric, or empty when EPCIS has none we export. */
    public static Optional<String> measurementType(String metric) {
        return Optional.ofNullable(MEASUREMENTS.get(metric.toLowerCase(Locale.ROOT)));
    }

    /** A UN/CEFACT Rec. 20 code for a unit as StockSense stores it, or empty when the unit has no known code. */
    public static Optional<String> uom(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        if (UOM.matcher(unit).matches()) {
            return Optional.of(unit);
        }
        return Optional.ofNullable(UNIT_NAMES.get(unit.trim().toLowerCase(Locale.ROOT)));
    }

    public static String locationUri(String warehouse, String location) {
        return "urn:stocksense:loc:" + part(warehouse) + ":" + part(location);
    }

    public static String warehouseUri(String warehouse) {
        return "urn:stocksense:loc:" + part(warehouse);
    }

    public static String zoneUri(String warehouse, String zone) {
        return "urn:stocksense:zone:" + part(warehouse) + ":" + part(zone == null ? "-" : zone);
    }

    public static String deviceUri(String deviceId) {
        return "urn:stocksense:device:" + part(deviceId);
    }

    public static String documentUri(String causeRef) {
        return "urn:stocksense:doc:" + part(causeRef);
    }

    /**
     * The EPCIS eventID: the ledger's event id when it is a UUID (device events and documents use UUIDs), else
     * a name-based UUID of it, so the same ledger event always exports with the same id.
     */
    public static String eventId(String ledgerEventId, String suffix) {
        String key = suffix == null ? ledgerEventId : ledgerEventId + "/" + suffix;
        try {
            if (suffix == null) {
                return "urn:uuid:" + java.util.UUID.fromString(ledgerEventId);
            }
        } catch (IllegalArgumentException notAUuid) {
            // fall through to a name-based id
        }
        return "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pure-identity URI of a tag as the ledger stores it (96-bit hex from the readers, or already a URI),
     * or empty when it does not decode to a GS1 identity.
     */
    public static Optional<String> epcUri(String epc) {
        if (epc.startsWith("urn:epc:id:")) {
            return Optional.of(epc);
        }
        EpcDecodeResult d = EpcCodec.decode(epc);
        return d.isDecoded() ? Optional.of(d.identity().uri()) : Optional.empty();
    }

    /**
     * The EPC class of a counted (non-serialized) product: an LGTIN with a lot, an SGTIN pattern without one,
     * and a StockSense SKU URN when the product has no GTIN with a known company prefix length.
     */
    public static String epcClass(String sku, String gtin, Integer companyPrefixLength, String lot) {
        if (gtin != null && companyPrefixLength != null && companyPrefixLength >= 6 && companyPrefixLength <= 12) {
            try {
                String g = Gtin.normalizeToGtin14(gtin);
                String prefix = g.substring(1, 1 + companyPrefixLength);
                String item = g.charAt(0) + g.substring(1 + companyPrefixLength, 13);
                return lot == null || lot.isEmpty()
                        ? "urn:epc:idpat:sgtin:" + prefix + "." + item + ".*"
                        : "urn:epc:class:lgtin:" + prefix + "." + item + "." + part(lot);
            } catch (IllegalArgumentException badGtin) {
                // master data with a malformed GTIN: fall back to the SKU
            }
        }
        return "urn:stocksense:sku:" + part(sku);
    }

    /** Percent-encodes what a URN part must not contain (RFC 8141: no '/', '?', '#', spaces, ...). */
    private static String part(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
