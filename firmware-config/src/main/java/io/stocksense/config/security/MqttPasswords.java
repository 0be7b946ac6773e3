package io.stocksense.config.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MQTT passwords stored as hashes in Mosquitto's own {@code password_file} format, so one file serves
 * the embedded broker and a Mosquitto: one {@code username:hash} per line, the hash being
 * {@code $7$<iterations>$<base64 salt>$<base64 PBKDF2-HMAC-SHA512>} as {@code mosquitto_passwd} writes it
 * (12-byte salt, 64-byte key). Plain passwords are never stored here. Thread-safe; pure except for the
 * file methods.
 */
public final class MqttPasswords {

    static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int KEY_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MqttPasswords() {
    }

    /** A fresh random password of 24 URL-safe characters (144 bits). */
    public static String generate() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The {@code $7$} hash of a password with a fresh salt. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return "$7$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches a {@code $7$} hash; false for any other or malformed hash. */
    public static boolean verify(String hash, String password) {
        if (hash == null || password == null) {
            return false;
        }
        String[] parts = hash.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            return expected.length == KEY_BITS / 8 && MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Reads a password file: user → hash, in file order. Blank lines and {@code #} comments are skipped. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> users = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                throw new IOException(file + ":" + n + ": expected username:hash");
            }
            users.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return users;
    }

    /** Writes user → hash lines, readable by the owner only where the file system allows it. */
    public static void write(Path file, Map<String, String> hashes) throws IOException {
        StringBuilder sb = new StringBuilder();
        hashes.forEach((user, hash) -> sb.append(user).append(':').append(hash).append('\n'));
        SecretFiles.write(file, sb.toString());
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available in this JDK", e);
        }
    }
}
