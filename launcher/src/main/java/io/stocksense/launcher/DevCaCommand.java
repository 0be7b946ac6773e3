package io.stocksense.launcher;

import io.stocksense.config.Gateway;
import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;
import io.stocksense.config.security.MqttAccess;
import io.stocksense.config.security.MqttPasswords;
import io.stocksense.config.security.SecretFiles;
import io.stocksense.config.security.TlsFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./stocksense ca --site FILE --out DIR [--host NAME]...}: a development CA and certificates for
 * one site, made with the JDK's own {@code keytool}, plus MQTT logins: the layout {@link TlsFiles}
 * reads. Each certificate also comes as PEM ({@code .crt}, and the key as PKCS#8 {@code .key}) for
 * Mosquitto and other tools. Keys are RSA 3072; certificates are valid 825 days. Refuses to overwrite
 * an existing CA.
 */
final class DevCaCommand {

    private static final String VALIDITY_DAYS = "825";

    private DevCaCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String siteFile = null;
        Path dir = null;
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--site" -> siteFile = args[i + 1];
                case "--out" -> dir = Path.of(args[i + 1]);
                case "--host" -> hosts.add(args[i + 1]);
                default -> { }
            }
        }
        if (siteFile == null || dir == null || args.length % 2 != 0) {
            err.println("usage: stocksense ca --site FILE --out DIR [--host NAME]...");
            return 2;
        }
        try {
            Site site = SiteLoader.load(Path.of(siteFile));
            create(site, dir, hosts);
            out.println("development CA for site " + site.siteId() + " written to " + dir.toAbsolutePath());
            out.println("use it with STOCKSENSE_TLS_DIR=" + dir.toAbsolutePath());
            return 0;
        } catch (SiteConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("ca: " + e.getMessage());
            return 1;
        }
    }

    /** Writes the CA, the cloud's server and client identities, one identity per gateway, and MQTT logins. */
    static void create(Site site, Path dir, List<String> extraHosts) throws IOException {
        TlsFiles tls = new TlsFiles(dir);
        if (Files.exists(dir.resolve("ca.p12"))) {
            throw new IOException(dir.resolve("ca.p12") + " exists; choose another --out folder");
        }
        Files.createDirectories(dir.resolve("gateways"));
        String pw = MqttPasswords.generate();
        SecretFiles.write(dir.resolve("keystore.pass"), pw + "\n");
        Keytool kt = new Keytool(pw);
        kt.run("-genkeypair", "-alias", "ca", "-keystore", dir.resolve("ca.p12"), "-dname", "CN=StockSense dev CA " + site.siteId(),
                "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign");
        kt.run("-exportcert", "-rfc", "-alias", "ca", "-keystore", dir.resolve("ca.p12"), "-file", dir.resolve("ca.crt"));
        kt.run("-importcert", "-noprompt", "-alias", "stocksense-ca", "-keystore", tls.truststore(), "-file", dir.resolve("ca.crt"));

        List<String> serverNames = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
        extraHosts.forEach(h -> serverNames.add(h.matches("[0-9.]+|.*:.*") ? "ip:" + h : "dns:" + h));
        issue(kt, dir, TlsFiles.SERVER, "stocksense-cloud", serverNames, "serverAuth,clientAuth");
        issue(kt, dir, TlsFiles.CLOUD_CLIENT, MqttAccess.CLOUD_USER, List.of(), "clientAuth");

        Map<String, String> hashes = new LinkedHashMap<>();
        newLogin(dir, MqttAccess.CLOUD_USER, hashes);
        for (Gateway g : site.gateways()) {
            issue(kt, dir, TlsFiles.gatewayIdentity(g.id()), g.id(), List.of("dns:localhost", "ip:127.0.0.1", "dns:" + g.id()),
                    "serverAuth,clientAuth");
            newLogin(dir, MqttAccess.gatewayUser(site.siteId(), g.id()), hashes);
        }
        MqttPasswords.write(tls.passwordFile(), hashes);
        Files.writeString(dir.resolve("mqtt/acl_file"), MqttAccess.mosquittoAcl(List.copyOf(hashes.keySet())), StandardCharsets.UTF_8);
    }

    private static void newLogin(Path dir, String user, Map<String, String> hashes) throws IOException {
        String password = MqttPasswords.generate();
        SecretFiles.write(dir.resolve("mqtt").resolve(user.replace('/', '_') + ".password"), password + "\n");
        hashes.put(user, MqttPasswords.hash(password));
    }

    /** A key pair for {@code name}, signed by the CA, stored as PKCS12 with the CA chain and as PEM. */
    private static void issue(Keytool kt, Path dir, String name, String cn, List<String> sans, String eku) throws IOException {
        Path p12 = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path crt = dir.resolve(name + ".crt");
        kt.run("-genkeypair", "-alias", "key", "-keystore", p12, "-dname", "CN=" + cn);
        kt.run("-certreq", "-alias", "key", "-keystore", p12, "-file", csr);
        List<Object> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", dir.resolve("ca.p12"),
                "-infile", csr, "-outfile", crt, "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=" + eku));
        if (!sans.isEmpty()) {
            gencert.addAll(List.of("-ext", "san=" + String.join(",", sans)));
        }
        kt.run(gencert.toArray());
        Files.writeString(crt, Files.readString(crt) + Files.readString(dir.resolve("ca.crt")));
        kt.run("-importcert", "-noprompt", "-alias", "key", "-keystore", p12, "-file", crt);
        Files.delete(csr);
        SecretFiles.write(dir.resolve(name + ".key"), pem(p12, kt.password));
    }

    private static String pem(Path p12, String password) throws IOException {
        try (var in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            PrivateKey key = (PrivateKey) ks.getKey("key", password.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot export the key of " + p12 + ": " + e.getMessage(), e);
        }
    }

    /** The JDK's keytool, run as a process; the store password goes through its environment, never its arguments. */
    private record Keytool(String password) {

        void run(Object... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
            for (Object a : args) {
                cmd.add(a.toString());
            }
            cmd.addAll(List.of("-storetype", "PKCS12", "-storepass:env", "STOCKSENSE_KS_PASS"));
            if (args[0].equals("-genkeypair")) {
                cmd.addAll(List.of("-keyalg", "RSA", "-keysize", "3072"));
            }
            if (args[0].equals("-genkeypair") || args[0].equals("-gencert")) {
                cmd.addAll(List.of("-validity", VALIDITY_DAYS));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("STOCKSENSE_KS_PASS", password);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("keytool " + args[0] + " failed: " + output.trim());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running keytool", e);
            }
        }
    }
}
