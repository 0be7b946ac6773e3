package io.stocksense.cloud.auth.store;

import io.stocksense.cloud.auth.domain.Role;
import io.stocksense.cloud.auth.domain.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Makes sure the bootstrap user {@code admin} exists. There is never a fixed default password:
 * <ul>
 *   <li>with a configured password, {@code admin} gets it (set at first start, and reset whenever
 *       the configured one no longer matches, so an operator can recover access by setting it);</li>
 *   <li>without one, the first start generates a random password, writes it to
 *       {@code admin-initial-password} (mode 0600) and returns it once for printing; later starts
 *       leave the existing user alone.</li>
 * </ul>
 * Blocking; runs once at start-up.
 */
public final class AdminBootstrap {

    public static final String ADMIN = "admin";
    public static final String PASSWORD_FILE = "admin-initial-password";
    static final int GENERATED_LENGTH = 24;
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AuthStore store;
    private final Path cloudDir;

    public AdminBootstrap(AuthStore store, Path cloudDir) {
        this.store = store;
        this.cloudDir = cloudDir;
    }

    /** The generated password when this call generated one; empty otherwise. */
    public Optional<String> ensureAdmin(String configuredPassword) throws SQLException, IOException {
        Optional<String> hash = store.passwordHash(ADMIN);
        if (configuredPassword != null) {
            if (hash.isEmpty() || !Secrets.passwordMatches(configuredPassword, hash.get())) {
                store.setPassword(ADMIN, configuredPassword, EnumSet.of(Role.ADMIN));
                LOG.info("user admin: password set from STOCKSENSE_ADMIN_PASSWORD");
            }
            return Optional.empty();
        }
        if (hash.isPresent()) {
            return Optional.empty();
        }
        String generated = Secrets.generatePassword(GENERATED_LENGTH);
        writePasswordFile(generated);
        store.setPassword(ADMIN, generated, EnumSet.of(Role.ADMIN));
        LOG.info("user admin created with a generated password (kept in {})", cloudDir.resolve(PASSWORD_FILE));
        return Optional.of(generated);
    }

    private void writePasswordFile(String password) throws IOException {
        Files.createDirectories(cloudDir);
        Path file = cloudDir.resolve(PASSWORD_FILE);
        Files.deleteIfExists(file);
        try {
            // Created with 0600 from the start, so the secret is never readable by others, even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system (Windows): rely on the directory's ACL
        }
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
