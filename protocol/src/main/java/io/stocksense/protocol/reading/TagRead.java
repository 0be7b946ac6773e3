package io.stocksense.protocol.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * One RFID tag report.
 *
 * @param epcHex    the EPC in upper-case hex
 * @param antenna   the reader's antenna port (1-based)
 * @param rssiDbm   peak RSSI in dBm, or null when the reader did not report it
 * @param readCount reads folded into this report (at least 1)
 */
public record TagRead(String deviceId, Instant deviceTime, String epcHex, int antenna, Double rssiDbm, int readCount)
        implements Reading {

    public TagRead {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(epcHex, "epcHex");
        epcHex = epcHex.toUpperCase(java.util.Locale.ROOT);
        readCount = Math.max(1, readCount);
    }
}
