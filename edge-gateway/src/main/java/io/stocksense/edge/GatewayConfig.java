package io.stocksense.edge;

import io.stocksense.config.Site;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one edge gateway needs to run. Checked when built, with messages that name the field.
 *
 * @param site          the validated site (devices, products, places)
 * @param gatewayId     which of the site's gateways this is
 * @param uplinkMqttUrl the cloud broker, e.g. {@code tcp://broker:1883}
 * @param deviceMqttUrl the broker the devices publish to (often the same)
 * @param dataDir       the data root; this gateway keeps its files under {@code <dataDir>/gateways/<gatewayId>/}
 * @param httpPort      health and metrics port; 0 picks a free one
 * @param ackTimeout    how long a batch may wait for the cloud's ack before it is resent
 */
public record GatewayConfig(Site site, String gatewayId, String uplinkMqttUrl, String deviceMqttUrl, Path dataDir,
                            int httpPort, Duration ackTimeout) {

    public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    public static final int DEFAULT_HTTP_PORT = 8081;
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public GatewayConfig {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(gatewayId, "gatewayId");
        if (site.gateway(gatewayId).isEmpty()) {
            throw new IllegalArgumentException("gateway '" + gatewayId + "' is not in site '" + site.siteId()
                    + "'; its gateways are " + site.gateways().stream().map(g -> g.id()).toList());
        }
        checkUrl("uplink MQTT URL (STOCKSENSE_MQTT_URL)", uplinkMqttUrl);
        checkUrl("device MQTT URL (STOCKSENSE_DEVICE_MQTT_URL)", deviceMqttUrl);
        Objects.requireNonNull(dataDir, "data directory (STOCKSENSE_DATA_DIR)");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("gateway HTTP port (STOCKSENSE_GATEWAY_HTTP_PORT) must be 0-65535, was " + httpPort);
        }
        ackTimeout = ackTimeout == null ? DEFAULT_ACK_TIMEOUT : ackTimeout;
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ack timeout must be positive, was " + ackTimeout);
        }
    }

    /**
     * From environment variables: {@code STOCKSENSE_MQTT_URL} (uplink, default {@value #DEFAULT_MQTT_URL}),
     * {@code STOCKSENSE_DEVICE_MQTT_URL} (default: the uplink URL), {@code STOCKSENSE_DATA_DIR} (default
     * {@code ./data}), {@code STOCKSENSE_GATEWAY_HTTP_PORT} (default {@value #DEFAULT_HTTP_PORT}),
     * {@code STOCKSENSE_GATEWAY_ACK_TIMEOUT} (ISO-8601 like {@code PT10S}, or seconds; default 10 s).
     */
    public static GatewayConfig fromEnv(Site site, String gatewayId, Map<String, String> env) {
        String uplink = value(env, "STOCKSENSE_MQTT_URL", DEFAULT_MQTT_URL);
        String devices = value(env, "STOCKSENSE_DEVICE_MQTT_URL", uplink);
        Path dataDir = Path.of(value(env, "STOCKSENSE_DATA_DIR", "./data"));
        String port = value(env, "STOCKSENSE_GATEWAY_HTTP_PORT", String.valueOf(DEFAULT_HTTP_PORT));
        int httpPort;
        try {
            httpPort = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("STOCKSENSE_GATEWAY_HTTP_PORT must be a port number, was '" + port + "'");
        }
        String ack = value(env, "STOCKSENSE_GATEWAY_ACK_TIMEOUT", null);
        return new GatewayConfig(site, gatewayId, uplink, devices, dataDir, httpPort, ack == null ? DEFAULT_ACK_TIMEOUT : duration(ack));
    }

    /** Where this gateway keeps its outbox and state. */
    public Path gatewayDir() {
        return dataDir.resolve("gateways").resolve(gatewayId);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Duration duration(String s) {
        try {
            return s.toUpperCase(java.util.Locale.ROOT).startsWith("P") ? Duration.parse(s) : Duration.ofSeconds(Long.parseLong(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("STOCKSENSE_GATEWAY_ACK_TIMEOUT must be seconds or ISO-8601 (PT10S), was '" + s + "'");
        }
    }

    private static void checkUrl(String field, String url) {
        Objects.requireNonNull(url, field);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a URL: '" + redact(url) + "'");
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must look like tcp://host:1883 (or ssl://, ws://, wss://), was '" + redact(url) + "'");
        }
    }

    /** The URL with any user:password part hidden, for messages and logs. */
    static String redact(String url) {
        return url == null ? null : url.replaceFirst("//[^/@]*@", "//***@");
    }
}
