package io.stocksense.sim.device;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The exact JSON that real devices publish (see DEVICE-FORMATS.md), one method per vendor format.
 * Keys are written in the vendor's order so that a payload looks like a captured one. Pure and
 * thread-safe.
 */
public final class Payloads {

    /**
     * Zebra IoT Connector timestamps: milliseconds and an offset WITHOUT a colon ({@code +0000}), which
     * ISO_OFFSET_DATE_TIME would not parse; decoders must use this very pattern.
     */
    public static final DateTimeFormatter ZEBRA_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Payloads() {
    }

    /**
     * One Zebra IoT Connector tag event. {@code idHex} is lower-case, as the reader sends it.
     *
     * @param mode the reader's operating mode ({@code PORTAL}, {@code SIMPLE}, ...)
     */
    public static byte[] zebraTagEvent(String mode, Instant time, String mac, int antenna, long eventNum,
                                       String epcHex, int peakRssiDbm, int reads) {
        ObjectNode root = NODES.objectNode();
        root.put("type", mode);
        root.put("timestamp", ZEBRA_TIMESTAMP.format(time));
        ObjectNode data = root.putObject("data");
        data.put("MAC", mac);
        data.put("antenna", antenna);
        data.put("eventNum", eventNum);
        data.put("format", "epc");
        data.put("idHex", epcHex.toLowerCase(Locale.ROOT));
        data.put("peakRssi", peakRssiDbm);
        data.put("reads", reads);
        return Json.write(root);
    }

    /**
     * One Impinj IoT Device Interface {@code tagInventory} event: {@code epc} is the EPC bytes in
     * base64, {@code epcHex} the same in upper-case hex; power in centi-dBm, frequency in kHz.
     */
    public static byte[] impinjTagInventory(Instant time, String hostname, int antennaPort, String epcHex,
                                            int peakRssiCdbm, int frequencyKhz, int transmitPowerCdbm) {
        byte[] epc = HexFormat.of().parseHex(epcHex);
        ObjectNode root = NODES.objectNode();
        root.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(time));
        root.put("hostname", hostname);
        root.put("eventType", "tagInventory");
        ObjectNode ev = root.putObject("tagInventoryEvent");
        ev.put("epc", Base64.getEncoder().encodeToString(epc));
        ev.put("epcHex", epcHex.toUpperCase(Locale.ROOT));
        ev.put("antennaPort", antennaPort);
        ev.put("antennaName", "Antenna " + antennaPort);
        ev.put("peakRssiCdbm", peakRssiCdbm);
        ev.put("frequency", frequencyKhz);
        ev.put("transmitPowerCdbm", transmitPowerCdbm);
        ev.put("lastSeenTime", DateTimeFormatter.ISO_INSTANT.format(time));
        return Json.write(root);
    }

    /** A smart-shelf load cell reading: {@code {"grams": 1005.0, "stable": true, "ts": "...Z"}}. */
    public static byte[] shelfWeight(BigDecimal grams, boolean stable, Instant time) {
        ObjectNode root = NODES.objectNode();
        root.put("grams", grams);
        root.put("stable", stable);
        root.put("ts", DateTimeFormatter.ISO_INSTANT.format(time));
        return Json.write(root);
    }

    /** A Zigbee2MQTT temperature/humidity sensor state message. */
    public static byte[] zigbee2mqttClimate(BigDecimal temperatureC, BigDecimal humidityPct, int battery,
                                            int voltageMv, int linkQuality) {
        ObjectNode root = NODES.objectNode();
        root.put("temperature", temperatureC);
        root.put("humidity", humidityPct);
        root.put("battery", battery);
        root.put("voltage", voltageMv);
        root.put("linkquality", linkQuality);
        return Json.write(root);
    }

    /**
     * A Tasmota {@code tele/<topic>/SENSOR} message: local time without a zone, the sensor's values under
     * its driver name (e.g. {@code AM2301}), and {@code TempUnit}.
     */
    public static byte[] tasmotaSensor(java.time.LocalDateTime localTime, String driver, BigDecimal temperatureC,
                                       BigDecimal humidityPct) {
        ObjectNode root = NODES.objectNode();
        root.put("Time", localTime.withNano(0).toString());
        ObjectNode sensor = root.putObject(driver);
        sensor.put("Temperature", temperatureC);
        sensor.put("Humidity", humidityPct);
        root.put("TempUnit", "C");
        return Json.write(root);
    }

    /**
     * A Shelly Plus/Gen3 {@code NotifyStatus} JSON-RPC notification on {@code <id>/events/rpc}: {@code ts}
     * in epoch seconds with a fraction, {@code temperature:0.tC}, {@code humidity:0.rh}.
     */
    public static byte[] shellyNotifyStatus(String src, Instant time, BigDecimal temperatureC, BigDecimal humidityPct) {
        ObjectNode root = NODES.objectNode();
        root.put("src", src);
        root.put("dst", src + "/events");
        root.put("method", "NotifyStatus");
        ObjectNode params = root.putObject("params");
        params.put("ts", BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3));
        params.putObject("temperature:0").put("id", 0).put("tC", temperatureC);
        params.putObject("humidity:0").put("id", 0).put("rh", humidityPct);
        return Json.write(root);
    }

    /** A Shelly Gen1 value: a plain number, as on {@code shellies/<id>/sensor/temperature}. */
    public static byte[] shellyGen1Value(BigDecimal value) {
        return value.toPlainString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
