package io.stocksense.cloud.dashboard;

import java.sql.SQLException;
import java.util.List;

import io.stocksense.cloud.auth.api.UserView;
import io.stocksense.cloud.auth.domain.Permissions;
import io.stocksense.cloud.auth.domain.Role;
import io.stocksense.cloud.auth.store.UserStore;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a signed-in user may do, as the web app needs it to show pages and buttons: the user's roles
 * and {@code resource:action} permissions. The one seam between the UI and the role model.
 *
 * <p>{@link #of(UserStore)} reads the user's roles and expands them through the permission table the API
 * enforces ({@link Permissions}), so the UI hides exactly what the API would refuse. {@code "*"} (an
 * administrator) stands for every permission. Called on a worker thread; may block.
 */
@FunctionalInterface
public interface AccessModel {

    /** Every permission: the UI shows every page and button. */
    String ALL = "*";

    /** The user's roles from {@code users}, expanded into permissions by the API's own table. */
    static AccessModel of(UserStore users) {
        return username -> {
            List<String> roleIds = users.find(username).map(UserView::roles).orElse(List.of());
            Set<Role> roles = new java.util.HashSet<>();
            roleIds.forEach(id -> Role.parse(id).ifPresent(roles::add));
            if (roles.contains(Role.ADMIN)) {
                return new Access(roleIds, List.of(ALL));
            }
            Set<String> permissions = new TreeSet<>();
            for (Map.Entry<String, Map<Role, Set<String>>> row : Permissions.table().entrySet()) {
                for (Role role : roles) {
                    row.getValue().getOrDefault(role, Set.of()).forEach(action -> permissions.add(row.getKey() + ":" + action));
                }
            }
            return new Access(roleIds, new ArrayList<>(permissions));
        };
    }

    Access access(String username) throws SQLException;

    /** Roles and permissions ({@code resource:action}, or {@link #ALL}) of one user. */
    record Access(List<String> roles, List<String> permissions) {

        public Access {
            roles = List.copyOf(roles);
            permissions = List.copyOf(permissions);
        }
    }
}
