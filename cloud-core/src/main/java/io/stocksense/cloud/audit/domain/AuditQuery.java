package io.stocksense.cloud.audit.domain;

import java.time.Instant;

/** Filters of {@code GET /api/v1/audit}; null means any. {@code page} is 1-based. */
public record AuditQuery(String actor, String resource, Instant from, Instant to, int page, int size) {
}
