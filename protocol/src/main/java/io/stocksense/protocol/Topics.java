package io.stocksense.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Northbound MQTT topic names (gateway ↔ cloud), under {@code stocksense/v1/{siteId}/{gatewayId}/}.
 */
public final class Topics {

    public static final String ROOT = "stocksense/v1";
    /** Shared-subscription group the cloud-core instances consume with. */
    public static final String SHARE_GROUP = "cloud-core";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The three upward channels. */
    public enum Channel {
        MOVEMENTS("up/movements"), TELEMETRY("up/telemetry"), EVENTS("up/events");

        private final String suffix;

        Channel(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    private Topics() {
    }

    public static String prefix(String siteId, String gatewayId) {
        return ROOT + "/" + checkId("siteId", siteId) + "/" + checkId("gatewayId", gatewayId) + "/";
    }

    public static String up(String siteId, String gatewayId, Channel channel) {
        return prefix(siteId, gatewayId) + channel.suffix();
    }

    public static String ack(String siteId, String gatewayId) {
        return prefix(siteId, gatewayId) + "down/ack";
    }

    public static String config(String siteId, String gatewayId) {
        return prefix(siteId, gatewayId) + "down/config";
    }

    public static String state(String siteId, String gatewayId) {
        return prefix(siteId, gatewayId) + "state";
    }

    /** What the cloud subscribes to: every gateway's upward channels, shared between instances. */
    public static String cloudSubscription(boolean shared) {
        String filter = ROOT + "/+/+/up/+";
        return shared ? "$share/" + SHARE_GROUP + "/" + filter : filter;
    }

    /**
     * Site and gateway ids from an {@code up/...} topic, or null when the topic is not one (including a
     * null topic, and empty or malformed ids, which {@link #prefix} could never have produced).
     */
    public static Address parseUp(String topic) {
        if (topic == null) {
            return null;
        }
        String[] parts = topic.split("/", -1);
        if (parts.length != 6 || !"stocksense".equals(parts[0]) || !"v1".equals(parts[1]) || !"up".equals(parts[4])
                || !ID.matcher(parts[2]).matches() || !ID.matcher(parts[3]).matches()) {
            return null;
        }
        for (Channel c : Channel.values()) {
            if (c.suffix().equals("up/" + parts[5])) {
                return new Address(parts[2], parts[3], c);
            }
        }
        return null;
    }

    /** Where an upward message came from. */
    public record Address(String siteId, String gatewayId, Channel channel) {
    }

    /** A site or gateway id: letters, digits, '-', '_', '.'; no MQTT wildcards or separators. */
    public static String checkId(String field, String value) {
        Objects.requireNonNull(value, field);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1-64 letters, digits, '-', '_' or '.', was '" + value + "'");
        }
        return value;
    }
}
