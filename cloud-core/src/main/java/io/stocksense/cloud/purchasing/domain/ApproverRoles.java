package io.stocksense.cloud.purchasing.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The roles of a user, for the purchase order approval limits. The route itself declares
 * {@code purchase-orders:approve}; this decides how much a permitted user may approve.
 *
 * <p>{@link #USERS} reads the roles of the user directory ({@code app_user.roles}) in the approving
 * transaction; {@link #BOOTSTRAP} (for tests of the purchasing rules alone) knows only the user
 * {@code admin}. Called on a worker thread inside the approving transaction.
 */
public interface ApproverRoles {

    ApproverRoles BOOTSTRAP = (c, user) -> "admin".equals(user) ? Set.of("admin") : Set.of();

    /** The roles the user directory gives {@code user}; none for an unknown user. */
    ApproverRoles USERS = (c, user) -> {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT roles FROM app_user WHERE username = ?")) {
            ps.setString(1, user);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Set.of();
                }
                return Set.of((String[]) rs.getArray(1).getArray());
            }
        }
    };

    Set<String> rolesOf(Connection c, String user) throws SQLException;
}
