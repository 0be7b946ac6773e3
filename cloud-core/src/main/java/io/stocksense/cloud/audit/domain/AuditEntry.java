package io.stocksense.cloud.audit.domain;

/**
 * One thing that happened, to be appended to the audit log.
 *
 * @param actor      user name, {@code system}, or the gateway ({@code site/gateway}) for device-driven changes
 * @param actorKind  {@code user}, {@code device}, {@code system} or {@code anonymous} (a failed login)
 * @param ip         where the request came from, or null
 * @param action     what was done: {@code POST /api/v1/adjustments}, {@code login}, {@code ingest-batch}, ...
 * @param resource   the resource it concerns ({@code products}, {@code users}, ...), or null
 * @param resourceId the record's key within the resource, or null
 * @param status     the outcome: an HTTP status for requests, or null
 * @param before     JSON of the state before, or null
 * @param after      JSON of the state after (or the outcome), or null
 */
public record AuditEntry(String actor, String actorKind, String ip, String action, String resource, String resourceId,
                         Integer status, String before, String after) {

    public static AuditEntry system(String action, String resource, String resourceId, String after) {
        return new AuditEntry("system", "system", null, action, resource, resourceId, null, null, after);
    }
}
