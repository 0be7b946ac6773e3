package io.stocksense.edge.codec.impinj;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.HexEpc;
import io.stocksense.edge.codec.JsonValues;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.TagRead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Impinj R700 IoT Device Interface {@code tagInventory} events.
 *
 * <pre>{"timestamp":"2023-06-28T07:24:00.277766184Z","eventType":"tagInventory",
 *  "tagInventoryEvent":{"epc":"MDT05OQMDkAAAAPp","epcHex":"3034F4E4E40C0E40000003E9",
 *   "antennaPort":2,"peakRssiCdbm":-5750,...}}</pre>
 *
 * Quirks handled here: the same event object arrives alone (MQTT), as a JSON array (webhook body) or
 * one per line (HTTP stream, NDJSON). {@code epcHex} may be absent, so the base64 {@code epc} is the
 * fallback. Power is in centi-dBm (−5750 is −57.50 dBm). Timestamps are UTC {@code Z} with up to nine
 * fractional digits. Events of other types (inventory status, diagnostics) carry no tags and are
 * skipped without a rejection.
 */
public final class ImpinjIotDeviceInterfaceCodec implements DeviceCodec {

    public static final String NAME = "impinj-iotdi";
    private static final BigDecimal CENTI = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        JsonValues.Split split = JsonValues.split(payload);
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(split.rejections());
        List<String> ignored = new ArrayList<>();
        for (JsonNode event : split.values()) {
            if (!event.isObject() || !event.path("eventType").isTextual()) {
                rejections.add(Rejection.of("event must be an object with an eventType", event.toString()));
            } else if ("tagInventory".equals(event.get("eventType").asText())) {
                String problem = addTagRead(deviceId, event, readings);
                if (problem != null) {
                    rejections.add(Rejection.of(problem, event.toString()));
                }
            } else {
                // Status events (inventoryStatus, antennaConnected, ...) share the stream with tag reads.
                ignored.add("eventType '" + Rejection.excerpt(event.get("eventType").asText()) + "' carries no tag reads");
            }
        }
        return new DecodeResult(readings, rejections, ignored);
    }

    /** Adds the event's tag read; returns why it could not, or null. */
    private static String addTagRead(String deviceId, JsonNode event, List<Reading> out) {
        JsonNode tag = event.get("tagInventoryEvent");
        if (tag == null || !tag.isObject()) {
            return "tagInventoryEvent object is missing";
        }
        String epc = epcHex(tag);
        if (epc == null) {
            return "tagInventoryEvent has neither a hex epcHex nor a base64 epc: " + tag.path("epcHex") + " / " + tag.path("epc");
        }
        JsonNode port = tag.get("antennaPort");
        if (port == null || !port.isIntegralNumber() || port.asInt() < 1) {
            return "tagInventoryEvent.antennaPort must be a positive integer, was " + port;
        }
        JsonNode rssi = tag.get("peakRssiCdbm");
        if (rssi != null && !rssi.isNull() && !rssi.isNumber()) {
            return "tagInventoryEvent.peakRssiCdbm must be a number, was " + rssi;
        }
        Double dbm = rssi == null || rssi.isNull() ? null : rssi.decimalValue().divide(CENTI).doubleValue();
        Instant time;
        try {
            time = event.hasNonNull("timestamp") ? Instant.parse(event.get("timestamp").asText()) : null;
        } catch (DateTimeParseException e) {
            return "timestamp must be UTC ISO-8601 ending in Z, was " + event.get("timestamp");
        }
        out.add(new TagRead(deviceId, time, epc, port.asInt(), dbm, 1));
        return null;
    }

    private static String epcHex(JsonNode tag) {
        if (tag.hasNonNull("epcHex")) {
            return HexEpc.normalize(tag.get("epcHex").asText());
        }
        if (!tag.hasNonNull("epc") || !tag.get("epc").isTextual()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(tag.get("epc").asText().trim());
            return HexEpc.normalize(HexFormat.of().formatHex(bytes));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
