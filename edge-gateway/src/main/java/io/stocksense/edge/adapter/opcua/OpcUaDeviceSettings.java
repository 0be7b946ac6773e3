package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.config.Durations;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one OPC UA device is read, from its site-file entry. Checked once, with messages that name the
 * option (they become the device's {@code CONFIGURATION_ERROR}).
 *
 * <p>Site file: {@code address} is the endpoint URL ({@code opc.tcp://host:port/path}); {@code codec}
 * names the information model: {@code opc-ua-40200} (a scale: {@code nodes.gross}, {@code nodes.net},
 * {@code nodes.tare}, {@code nodes.stable}), {@code opc-ua-analog} (an AnalogItem sensor:
 * {@code nodes.temperature}, {@code nodes.humidity}), or {@code opcua} (whichever the nodes say). Node
 * ids use the standard string form, e.g. {@code ns=2;s=Scale1/CurrentWeight/Gross}. Further options:
 * {@code securityPolicy} (None | Basic256Sha256, default None), {@code securityMode} (None | Sign |
 * SignAndEncrypt; default SignAndEncrypt when secured), {@code publishingInterval} (default 500ms),
 * {@code samplingInterval} (default 250ms).
 *
 * @param nodes the configured node id per role, in role order
 */
public record OpcUaDeviceSettings(String endpoint, Kind kind, Map<Role, String> nodes, String securityPolicy,
                                  String securityMode, Duration publishingInterval, Duration samplingInterval) {

    public static final String CODEC_SCALE = "opc-ua-40200";
    public static final String CODEC_ANALOG = "opc-ua-analog";
    public static final String CODEC_ANY = "opcua";
    public static final Set<String> CODECS = Set.of(CODEC_SCALE, CODEC_ANALOG, CODEC_ANY);
    static final Duration DEFAULT_PUBLISHING = Duration.ofMillis(500);
    static final Duration DEFAULT_SAMPLING = Duration.ofMillis(250);
    private static final Set<String> POLICIES = Set.of("None", "Basic256Sha256");
    private static final Set<String> MODES = Set.of("None", "Sign", "SignAndEncrypt");
    private static final Set<String> OPTIONS = Set.of("securityPolicy", "securityMode", "publishingInterval", "samplingInterval");

    /** What the device is, decided by its nodes. */
    public enum Kind { SCALE, CLIMATE }

    /** One value a device offers, and the option that names its node. */
    public enum Role {
        GROSS(Kind.SCALE), NET(Kind.SCALE), TARE(Kind.SCALE), STABLE(Kind.SCALE),
        TEMPERATURE(Kind.CLIMATE), HUMIDITY(Kind.CLIMATE);

        final Kind kind;

        Role(Kind kind) {
            this.kind = kind;
        }

        public String option() {
            return "nodes." + name().toLowerCase(Locale.ROOT);
        }
    }

    public OpcUaDeviceSettings {
        nodes = Collections.unmodifiableMap(new EnumMap<>(nodes));
    }

    /** The key of the client this device shares: one client per endpoint and security setting. */
    public String clientKey() {
        return endpoint + " [" + securityPolicy + "/" + securityMode + "]";
    }

    /**
     * Reads a device's settings.
     *
     * @throws IllegalArgumentException naming the field or option that is wrong and what would be right
     */
    public static OpcUaDeviceSettings of(Device d) {
        String endpoint = endpoint(d.address());
        if (d.codec() == null || !CODECS.contains(d.codec())) {
            throw new IllegalArgumentException("codec '" + d.codec() + "' is not an OPC UA information model; use one of "
                    + new java.util.TreeSet<>(CODECS));
        }
        Map<Role, String> nodes = nodes(d.options());
        Kind kind = kind(nodes, d.codec());
        String policy = d.options().getOrDefault("securityPolicy", "None").trim();
        if (!POLICIES.contains(policy)) {
            throw new IllegalArgumentException("options.securityPolicy must be None or Basic256Sha256, was '" + policy + "'");
        }
        String mode = d.options().getOrDefault("securityMode", policy.equals("None") ? "None" : "SignAndEncrypt").trim();
        if (!MODES.contains(mode) || policy.equals("None") != mode.equals("None")) {
            throw new IllegalArgumentException("options.securityMode must be None with securityPolicy None, and Sign or "
                    + "SignAndEncrypt otherwise; was '" + mode + "' with '" + policy + "'");
        }
        return new OpcUaDeviceSettings(endpoint, kind, nodes, policy, mode,
                interval(d.options(), "publishingInterval", DEFAULT_PUBLISHING),
                interval(d.options(), "samplingInterval", DEFAULT_SAMPLING));
    }

    private static String endpoint(String address) {
        String a = address == null ? "" : address.trim();
        URI uri;
        try {
            uri = URI.create(a);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("address must be an OPC UA endpoint URL like opc.tcp://host:4840/path, was '" + a + "'");
        }
        return a;
    }

    private static Map<Role, String> nodes(Map<String, String> options) {
        Map<Role, String> nodes = new EnumMap<>(Role.class);
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            // Other dotted namespaces (shelf.* for the shelf engine) belong to other layers reading the same map.
            if (OPTIONS.contains(key) || key.indexOf('.') >= 0 && !key.startsWith("nodes.")) {
                continue;
            }
            Role role = role(key);
            String id = e.getValue() == null ? "" : e.getValue().trim();
            if (org.eclipse.milo.opcua.stack.core.types.builtin.NodeId.parseOrNull(id) == null) {
                throw new IllegalArgumentException("options." + key + " is not a NodeId like ns=2;s=Scale1/CurrentWeight/Gross: '" + id + "'");
            }
            nodes.put(role, id);
        }
        return nodes;
    }

    private static Role role(String key) {
        for (Role r : Role.values()) {
            if (r.option().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown option '" + key + "' for an OPC UA device; known: " + OPTIONS
                + " and " + java.util.Arrays.stream(Role.values()).map(Role::option).toList());
    }

    private static Kind kind(Map<Role, String> nodes, String codec) {
        boolean scale = nodes.keySet().stream().anyMatch(r -> r.kind == Kind.SCALE);
        boolean climate = nodes.keySet().stream().anyMatch(r -> r.kind == Kind.CLIMATE);
        if (scale == climate) {
            throw new IllegalArgumentException(scale ? "options mix scale nodes (nodes.gross ...) and sensor nodes (nodes.temperature ...)"
                    : "options name no nodes: give nodes.gross (a scale) or nodes.temperature (a sensor)");
        }
        if (scale && !nodes.containsKey(Role.GROSS) && !nodes.containsKey(Role.NET)) {
            throw new IllegalArgumentException("a scale needs options.nodes.gross or options.nodes.net");
        }
        Kind kind = scale ? Kind.SCALE : Kind.CLIMATE;
        if (codec.equals(CODEC_SCALE) && kind != Kind.SCALE || codec.equals(CODEC_ANALOG) && kind != Kind.CLIMATE) {
            throw new IllegalArgumentException("codec " + codec + " does not fit the configured nodes " + nodes.keySet());
        }
        return kind;
    }

    private static Duration interval(Map<String, String> options, String key, Duration fallback) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(v.trim());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("options." + key + " must be a positive duration like 500ms or 2s, was '" + v + "'");
        }
    }
}
