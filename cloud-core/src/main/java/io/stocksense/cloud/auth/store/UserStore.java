package io.stocksense.cloud.auth.store;

import io.stocksense.cloud.auth.api.UserView;
import io.stocksense.cloud.auth.domain.Secrets;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users with their roles and warehouse scope. Names, roles and passwords are validated by the caller
 * ({@code UserRules}); unknown warehouses are refused here. Removing a user, or the admin role from the
 * last admin, is refused so the system always keeps one administrator. Blocking; call from a worker thread.
 */
public final class UserStore {

    /** The change would leave no user with the admin role. */
    public static final class LastAdminException extends IllegalStateException {
        LastAdminException() {
            super("this is the last user with the admin role; give another user the admin role first");
        }
    }

    /** A named warehouse does not exist. */
    public static final class UnknownWarehouseException extends IllegalArgumentException {
        UnknownWarehouseException(List<String> codes) {
            super("warehouses: unknown warehouse(s) " + codes);
        }
    }

    private static final String COLUMNS = "username, roles, warehouses, created_at, updated_at";

    private final DataSource dataSource;
    private final AuthStore auth;

    public UserStore(DataSource dataSource, AuthStore auth) {
        this.dataSource = dataSource;
        this.auth = auth;
    }

    public List<UserView> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            List<UserView> out = new ArrayList<>();
            while (rs.next()) {
                out.add(view(rs));
            }
            return out;
        }
    }

    public Optional<UserView> find(String username) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, username);
        }
    }

    /** Creates the user; empty when the name is taken. */
    public Optional<UserView> create(String username, String password, List<String> roles, List<String> warehouses)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            checkWarehouses(c, warehouses);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, password_hash, roles, warehouses)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                ps.setString(1, username);
                ps.setString(2, Secrets.hashPassword(password));
                ps.setArray(3, c.createArrayOf("text", roles.toArray()));
                ps.setArray(4, c.createArrayOf("text", warehouses.toArray()));
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return find(c, username);
        }
    }

    /** Replaces roles and/or warehouses (null leaves one as it is); empty when there is no such user. */
    public Optional<UserView> update(String username, List<String> roles, List<String> warehouses) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (warehouses != null) {
                    checkWarehouses(c, warehouses);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET roles = coalesce(?, roles),"
                        + " warehouses = coalesce(?, warehouses), updated_at = now() WHERE username = ?")) {
                    ps.setArray(1, roles == null ? null : c.createArrayOf("text", roles.toArray()));
                    ps.setArray(2, warehouses == null ? null : c.createArrayOf("text", warehouses.toArray()));
                    ps.setString(3, username);
                    if (ps.executeUpdate() == 0) {
                        c.rollback();
                        return Optional.empty();
                    }
                }
                requireAnAdmin(c);
                c.commit();
                return find(c, username);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Deletes the user and its tokens; false when there is no such user. */
    public boolean delete(String username) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String sql : List.of("DELETE FROM auth_token WHERE username = ?", "DELETE FROM login_failure WHERE username = ?")) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, username);
                        ps.executeUpdate();
                    }
                }
                int deleted;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_user WHERE username = ?")) {
                    ps.setString(1, username);
                    deleted = ps.executeUpdate();
                }
                requireAnAdmin(c);
                c.commit();
                return deleted == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Sets a new password and revokes the user's tokens; false when there is no such user. */
    public boolean resetPassword(String username, String password) throws SQLException {
        if (find(username).isEmpty()) {
            return false;
        }
        auth.setPassword(username, password, java.util.Set.of());
        return true;
    }

    private void requireAnAdmin(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM app_user WHERE 'admin' = ANY (roles)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0) {
                throw new LastAdminException();
            }
        }
    }

    private static void checkWarehouses(Connection c, List<String> codes) throws SQLException {
        if (codes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM unnest(?::text[]) AS w(code)"
                + " WHERE NOT EXISTS (SELECT 1 FROM warehouse WHERE warehouse.code = w.code)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            List<String> unknown = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unknown.add(rs.getString(1));
                }
            }
            if (!unknown.isEmpty()) {
                throw new UnknownWarehouseException(unknown);
            }
        }
    }

    private static Optional<UserView> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    private static UserView view(ResultSet rs) throws SQLException {
        return new UserView(rs.getString(1), List.copyOf(AuthStore.texts(rs.getArray(2))), List.copyOf(AuthStore.texts(rs.getArray(3))),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }
}
