package io.stocksense.edge.outbox;

import java.time.Instant;

/**
 * Device input that could not be used, kept with its reason for inspection.
 *
 * @param excerpt    a printable excerpt of the offending part
 * @param payloadHex the start of the raw payload in hex, so binary input is kept faithfully
 */
public record DeadLetter(String deviceId, String codec, String reason, String excerpt, String payloadHex, Instant receivedAt) {
}
