package io.stocksense.cloud.documents;

/** The user may call the route but not do this particular thing (e.g. approve above their limit): HTTP 403. */
public final class ForbiddenActionException extends RuntimeException {

    private final String slug;

    public ForbiddenActionException(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
