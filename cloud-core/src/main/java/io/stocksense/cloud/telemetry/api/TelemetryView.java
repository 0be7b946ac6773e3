package io.stocksense.cloud.telemetry.api;

import java.time.Instant;

/** The latest value of one metric in one zone, in {@code GET /api/v1/telemetry/latest} and the SSE stream. */
public record TelemetryView(String warehouse, String zone, String metric, double value, String unit, String deviceId,
                            Instant time) {
}
