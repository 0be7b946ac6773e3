package io.stocksense.cloud;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How cloud-core starts. Immutable; {@link #toString()} redacts passwords and credentials in URLs.
 *
 * @param httpPort     HTTP port; 0 picks a free one
 * @param mqttPort     port of the embedded broker; 0 picks a free one (ignored with {@code mqttUrl})
 * @param dataDir      the StockSense data directory; cloud-core keeps its files under {@code dataDir/cloud}
 * @param dbUrl        {@code jdbc:postgresql://...} of an external PostgreSQL, or null for the embedded one
 * @param dbUser       user for {@code dbUrl} when not in the URL, or null
 * @param dbPassword   password for {@code dbUrl} when not in the URL, or null
 * @param mqttUrl      {@code tcp://host:port} of an external broker, or null for the embedded one
 * @param adminPassword password of the bootstrap user {@code admin}, or null to generate one at first start
 * @param siteFiles    site YAML files whose master data is upserted at start
 * @param portFallback when a port is taken: true picks a free one, false fails naming the variable
 */
public record CloudConfig(int httpPort, int mqttPort, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                          String mqttUrl, String adminPassword, List<Path> siteFiles, boolean portFallback) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_MQTT_PORT = 1883;

    public CloudConfig {
        checkPort("STOCKSENSE_HTTP_PORT", httpPort);
        checkPort("STOCKSENSE_MQTT_PORT", mqttPort);
        Objects.requireNonNull(dataDir, "dataDir");
        dbUrl = blankToNull(dbUrl);
        dbUser = blankToNull(dbUser);
        dbPassword = blankToNull(dbPassword);
        mqttUrl = blankToNull(mqttUrl);
        adminPassword = blankToNull(adminPassword);
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("STOCKSENSE_DB_URL must start with jdbc:postgresql://, was " + redactUrl(dbUrl));
        }
        if (mqttUrl != null && !(mqttUrl.startsWith("tcp://") || mqttUrl.startsWith("ssl://"))) {
            throw new IllegalArgumentException("STOCKSENSE_MQTT_URL must look like tcp://host:port, was " + redactUrl(mqttUrl));
        }
        siteFiles = siteFiles == null ? List.of() : List.copyOf(siteFiles);
    }

    /** Reads the {@code STOCKSENSE_*} variables; unset ones take their defaults. */
    public static CloudConfig fromEnv(Map<String, String> env) {
        return new CloudConfig(
                port(env, "STOCKSENSE_HTTP_PORT", DEFAULT_HTTP_PORT),
                port(env, "STOCKSENSE_MQTT_PORT", DEFAULT_MQTT_PORT),
                Path.of(env.getOrDefault("STOCKSENSE_DATA_DIR", "./data")),
                env.get("STOCKSENSE_DB_URL"),
                env.get("STOCKSENSE_DB_USER"),
                env.get("STOCKSENSE_DB_PASSWORD"),
                env.get("STOCKSENSE_MQTT_URL"),
                env.get("STOCKSENSE_ADMIN_PASSWORD"),
                siteFiles(env.get("STOCKSENSE_SITE")),
                false);
    }

    /** The same configuration with other values; handy for launchers and tests. */
    public CloudConfig withPorts(int http, int mqtt) {
        return new CloudConfig(http, mqtt, dataDir, dbUrl, dbUser, dbPassword, mqttUrl, adminPassword, siteFiles, portFallback);
    }

    public CloudConfig withPortFallback(boolean fallback) {
        return new CloudConfig(httpPort, mqttPort, dataDir, dbUrl, dbUser, dbPassword, mqttUrl, adminPassword, siteFiles, fallback);
    }

    public CloudConfig withSiteFiles(List<Path> files) {
        return new CloudConfig(httpPort, mqttPort, dataDir, dbUrl, dbUser, dbPassword, mqttUrl, adminPassword, files, portFallback);
    }

    public CloudConfig withAdminPassword(String password) {
        return new CloudConfig(httpPort, mqttPort, dataDir, dbUrl, dbUser, dbPassword, mqttUrl, password, siteFiles, portFallback);
    }

    /** Where cloud-core keeps its own files: {@code dataDir/cloud}. */
    public Path cloudDir() {
        return dataDir.resolve("cloud");
    }

    @Override
    public String toString() {
        return "CloudConfig[httpPort=" + httpPort + ", mqttPort=" + mqttPort + ", dataDir=" + dataDir
                + ", dbUrl=" + (dbUrl == null ? "embedded" : redactUrl(dbUrl)) + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "unset" : "****")
                + ", mqttUrl=" + (mqttUrl == null ? "embedded" : redactUrl(mqttUrl))
                + ", adminPassword=" + (adminPassword == null ? "unset" : "****")
                + ", siteFiles=" + siteFiles + ", portFallback=" + portFallback + "]";
    }

    /** A URL safe to print: {@code password=...} parameters and {@code user:pass@} userinfo masked. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^/@:]+):[^/@]*@", "//$1:****@");
    }

    private static int port(Map<String, String> env, String name, int dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number 0-65535, was '" + v + "'");
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number 0-65535, was " + port);
        }
    }

    private static List<Path> siteFiles(String csv) {
        List<Path> files = new ArrayList<>();
        if (csv != null) {
            for (String part : csv.split(",")) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.trim()));
                }
            }
        }
        return files;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
