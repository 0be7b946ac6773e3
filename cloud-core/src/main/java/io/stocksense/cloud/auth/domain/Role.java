package io.stocksense.cloud.auth.domain;

import java.util.Locale;
import java.util.Optional;

/** The roles a user may hold; a user's permissions are the union of its roles' grants in {@link Permissions}. */
public enum Role {
    ADMIN, SUPERVISOR, PURCHASER, SALES, CASHIER, FINANCE, AUDITOR, DEVICE;

    /** The name used in the API and the database: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
