package io.stocksense.cloud.audit.api;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/** One audit row as the API shows it; {@code before}/{@code after} are the stored JSON. */
public record AuditView(long id, Instant at, String actor, String actorKind, String ip, String action, String resource,
                        String resourceId, Integer status, @JsonRawValue String before, @JsonRawValue String after,
                        String hash) {
}
