package io.stocksense.cloud.purchasing.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The roles of a user, for the purchase order approval limits. The route itself declares
 * {@code purchase-orders:approve}; this decides how much a permitted user may approve.
 *
 * <p>{@link #BOOTSTRAP} knows the bootstrap user {@code admin} (role {@code admin}) and gives every
 * other user no role; a user and role directory replaces it through
 * {@code PurchasingRoutes}' constructor. Called on a worker thread inside the approving transaction.
 */
public interface ApproverRoles {

    ApproverRoles BOOTSTRAP = (c, user) -> "admin".equals(user) ? Set.of("admin") : Set.of();

    Set<String> rolesOf(Connection c, String user) throws SQLException;
}
