package io.stocksense.cloud.auth.domain;

import java.util.Set;

/**
 * The authenticated caller of one request: its user name, roles and warehouse scope.
 *
 * @param warehouses the warehouses this user may see and change stock in; empty means every warehouse
 */
public record Principal(String username, Set<Role> roles, Set<String> warehouses) {

    public Principal {
        roles = Set.copyOf(roles);
        warehouses = Set.copyOf(warehouses);
    }

    public boolean can(String permission) {
        return Permissions.allows(roles, permission);
    }

    /** True when the user's scope includes {@code warehouse} (always, for an unscoped user). */
    public boolean inScope(String warehouse) {
        return warehouses.isEmpty() || warehouses.contains(warehouse);
    }

    public boolean scoped() {
        return !warehouses.isEmpty();
    }
}
