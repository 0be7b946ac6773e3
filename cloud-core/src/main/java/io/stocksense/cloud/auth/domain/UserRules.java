package io.stocksense.cloud.auth.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a user name, a password and a role list must look like; each check names the field it refused. */
public final class UserRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 72; // bcrypt reads at most 72 bytes
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private UserRules() {
    }

    /** Null when acceptable, otherwise what is wrong. */
    public static String usernameProblem(String username) {
        return username != null && USERNAME.matcher(username).matches() ? null
                : "username must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)";
    }

    public static String passwordProblem(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return field + " must have at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            return field + " must be at most " + MAX_PASSWORD_LENGTH + " bytes (bcrypt ignores the rest)";
        }
        return null;
    }

    /** The roles named, in role order; throws naming the first unknown one or an empty list. */
    public static List<String> roles(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("roles must name at least one of " + known());
        }
        Set<Role> roles = new java.util.TreeSet<>();
        for (String n : names) {
            roles.add(Role.parse(n).orElseThrow(() ->
                    new IllegalArgumentException("roles: unknown role '" + n + "'; known roles are " + known())));
        }
        List<String> out = new ArrayList<>();
        roles.forEach(r -> out.add(r.id()));
        return out;
    }

    public static List<String> warehouses(Collection<String> codes) {
        return codes == null ? List.of() : List.copyOf(new LinkedHashSet<>(codes));
    }

    private static String known() {
        List<String> ids = new ArrayList<>();
        for (Role r : Role.values()) {
            ids.add(r.id());
        }
        return String.join(", ", ids);
    }
}
