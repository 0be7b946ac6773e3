package io.stocksense.edge.codec.zebra;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Zebra FX7500 / FX9600 / ATR7000 IoT Connector tag events.
 *
 * <pre>{"type":"SIMPLE","timestamp":"2024-05-02T09:15:27.123+0000",
 *  "data":{"idHex":"3074257bf7194e4000001a85","antenna":1,"peakRssi":-62,"reads":3,...}}</pre>
 *
 * Quirks handled here: the timestamp offset has no colon ({@code +0000}), so ISO parsing fails and
 * the pattern {@code yyyy-MM-dd'T'HH:mm:ss.SSSxx} is used; {@code peakRssi} is already dBm;
 * {@code reads} counts reads since the last report; over HTTP/WebSocket several events arrive glued
 * {@code }{} and a batch may be a JSON array. {@code type} is the reader's operating mode and every
 * mode reports tags the same way. Optional keys (PC, XPC, CRC, TID, USER, channel, phase) are ignored.
 */
public final class ZebraIotConnectorCodec implements DeviceCodec {

    public static final String NAME = "zebra-iotc";

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
    private static final Set<String> MODES = Set.of("SIMPLE", "INVENTORY", "PORTAL", "CONVEYOR", "CUSTOM", "DIRECTIONALITY");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        JsonValues.Split split = JsonValues.split(payload);
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(split.rejections());
        for (JsonNode event : split.values()) {
            try {
                readings.add(tagRead(deviceId, event));
            } catch (BadEvent e) {
                rejections.add(Rejection.of(e.getMessage(), event.toString()));
            }
        }
        return new DecodeResult(readings, rejections);
    }

    private static TagRead tagRead(String deviceId, JsonNode event) throws BadEvent {
        if (!event.isObject()) {
            throw new BadEvent("tag event must be a JSON object");
        }
        String type = event.path("type").asText(null);
        if (type == null || !MODES.contains(type)) {
            throw new BadEvent("type must be one of " + MODES + ", was " + event.path("type"));
        }
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new BadEvent("data object is missing");
        }
        String epc = HexEpc.normalize(data.path("idHex").isTextual() ? data.get("idHex").asText() : null);
        if (epc == null) {
            throw new BadEvent("data.idHex must be hex in whole 16-bit words, was " + data.path("idHex"));
        }
        JsonNode antenna = data.get("antenna");
        if (antenna == null || !antenna.canConvertToInt() || !antenna.isIntegralNumber() || antenna.asInt() < 1) {
            throw new BadEvent("data.antenna must be a positive integer, was " + antenna);
        }
        Double rssi = optionalNumber(data, "peakRssi");
        JsonNode reads = data.get("reads");
        int readCount = reads != null && reads.isIntegralNumber() ? reads.asInt() : 1;
        return new TagRead(deviceId, timestamp(event.get("timestamp")), epc, antenna.asInt(), rssi, readCount);
    }

    private static Instant timestamp(JsonNode node) throws BadEvent {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText(), TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadEvent("timestamp must match yyyy-MM-dd'T'HH:mm:ss.SSSxx, was " + node);
        }
    }

    private static Double optionalNumber(JsonNode data, String field) throws BadEvent {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = node.isNumber() ? node.decimalValue() : null;
        if (value == null) {
            throw new BadEvent("data." + field + " must be a number, was " + node);
        }
        return value.doubleValue();
    }

    /** A field of one event is wrong; carries the reason for the rejection. */
    private static final class BadEvent extends Exception {
        BadEvent(String reason) {
            super(reason, null, false, false);
        }
    }
}
