package io.stocksense.cloud.dashboard;

import java.sql.SQLException;
import java.util.List;

/**
 * What a signed-in user may do, as the web app needs it to show pages and buttons: the user's roles
 * and {@code resource:action} permissions. The one seam between the UI and the role model.
 *
 * <p>Until roles exist every user is an administrator ({@link #ALL_ADMIN}): the API does not restrict
 * anyone yet, and the UI must not hide what the API allows. {@code "*"} stands for every permission.
 * Called on a worker thread; may block.
 */
@FunctionalInterface
public interface AccessModel {

    /** Every permission: the UI shows every page and button. */
    String ALL = "*";

    /** Until the role model lands: everybody is {@code admin} with every permission. */
    AccessModel ALL_ADMIN = username -> new Access(List.of("admin"), List.of(ALL));

    Access access(String username) throws SQLException;

    /** Roles and permissions ({@code resource:action}, or {@link #ALL}) of one user. */
    record Access(List<String> roles, List<String> permissions) {

        public Access {
            roles = List.copyOf(roles);
            permissions = List.copyOf(permissions);
        }
    }
}
