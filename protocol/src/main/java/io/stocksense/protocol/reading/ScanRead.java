package io.stocksense.protocol.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One barcode scan of a trade item: a plain GTIN, or a GS1 element string (GS1-128, DataMatrix)
 * carrying a GTIN with its lot, expiry and serial.
 *
 * @param gtin14 the item's GTIN as 14 digits (shorter GTINs left-padded with zeros), check digit verified
 * @param lot    AI (10) batch/lot, or null
 * @param expiry AI (17) expiry date, or null (a day of 00 means the last day of that month)
 * @param serial AI (21) serial number, or null
 * @param raw    the scanned text as the scanner sent it (FNC1 separators as GS, U+001D)
 */
public record ScanRead(String deviceId, Instant deviceTime, String gtin14, String lot, LocalDate expiry, String serial,
                       String raw) implements Reading {

    public ScanRead {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(gtin14, "gtin14");
        Objects.requireNonNull(raw, "raw");
    }
}
