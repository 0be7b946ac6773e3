package io.stocksense.cloud.web;

import java.util.Map;

/**
 * A request that cannot be served for a reason the caller can fix (forbidden, not found, conflict, too
 * many attempts); {@link Blocking#fail} and the router answer it as the problem it describes.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, ?> extras;

    public ApiException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ApiException(int status, String slug, String title, String detail, Map<String, ?> extras) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extras = Map.copyOf(extras);
    }

    public static ApiException forbidden(String detail, String permission) {
        return new ApiException(403, "forbidden", "Forbidden", detail,
                permission == null ? Map.of() : Map.of("missingPermission", permission));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public void send(io.vertx.ext.web.RoutingContext ctx) {
        Problems.send(ctx, status, slug, title, getMessage(), extras);
    }
}
