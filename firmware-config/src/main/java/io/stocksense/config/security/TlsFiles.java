package io.stocksense.config.security;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * The TLS folder that {@code ./stocksense ca} writes for a site (see the README): PKCS12 key stores
 * sharing one password kept in {@code keystore.pass}, the CA as {@code truststore.p12}, the cloud's
 * server identity {@code server.p12}, the cloud's MQTT client identity {@code cloud-core.p12}, and one
 * {@code gateways/<id>.p12} per gateway (client for MQTT, server for its local API). MQTT passwords
 * are under {@code mqtt/}. Immutable; loading reads the files each time.
 */
public record TlsFiles(Path dir) {

    public static final String SERVER = "server";
    public static final String CLOUD_CLIENT = "cloud-core";

    /** The folder from {@code STOCKSENSE_TLS_DIR}, when set. */
    public static Optional<TlsFiles> fromEnv(java.util.Map<String, String> env) {
        String d = env.get("STOCKSENSE_TLS_DIR");
        return d == null || d.isBlank() ? Optional.empty() : Optional.of(new TlsFiles(Path.of(d.trim())));
    }

    public Path keystore(String identity) {
        return dir.resolve(identity + ".p12");
    }

    public static String gatewayIdentity(String gatewayId) {
        return "gateways/" + gatewayId;
    }

    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    public Path passwordFile() {
        return dir.resolve("mqtt/password_file");
    }

    /** The plain MQTT password of a user, kept by {@code ca} in {@code mqtt/<user>.password}. */
    public String mqttPassword(String user) throws IOException {
        return SecretFiles.readLine(dir.resolve("mqtt").resolve(user.replace('/', '_') + ".password"));
    }

    public String storePassword() throws IOException {
        return SecretFiles.readLine(dir.resolve("keystore.pass"));
    }

    /** An SSL context presenting {@code identity}'s certificate and trusting only the site's CA. */
    public SSLContext sslContext(String identity) throws IOException {
        char[] pw = storePassword().toCharArray();
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keystore(identity), pw), pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(truststore(), pw));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the TLS files of " + identity + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] pw) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, pw);
        }
        return ks;
    }
}
