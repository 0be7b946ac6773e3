package io.stocksense.config.security;

import java.util.List;
import java.util.Optional;

/**
 * Who may do what on the northbound broker. A gateway's MQTT user is {@code <siteId>/<gatewayId>}; it
 * may publish only its own {@code stocksense/v1/<site>/<gateway>/up/...} batches and {@code state}, and
 * subscribe only to its own {@code down/...}; nothing else under {@code stocksense/}. The rest of the
 * topic space (device topics such as {@code zigbee2mqtt/...}) stays open to it, for gateways that read
 * their devices from the same broker. The cloud's user {@value #CLOUD_USER} may use all of
 * {@code stocksense/}. Anyone else is refused at connect.
 *
 * <p>The same rules are enforced by the embedded broker (first matching rule wins) and written as a
 * Mosquitto {@code acl_file} by {@link #mosquittoAcl}. Immutable, pure.
 */
public final class MqttAccess {

    public static final String CLOUD_USER = "cloud-core";
    private static final String ROOT = "stocksense/v1";

    /** May the rule's user publish, subscribe, or both on topics matching {@code filter}. */
    public enum Activity { PUBLISH, SUBSCRIBE, ALL }

    /** One access rule; {@code allow == false} denies. */
    public record Rule(boolean allow, String filter, Activity activity) {
    }

    private MqttAccess() {
    }

    public static String gatewayUser(String siteId, String gatewayId) {
        return siteId + "/" + gatewayId;
    }

    /** The rules of a user, in order; empty for a user that is neither the cloud nor a gateway. */
    public static List<Rule> rulesFor(String user) {
        if (CLOUD_USER.equals(user)) {
            return List.of(new Rule(true, "stocksense/#", Activity.ALL));
        }
        Optional<String> prefix = gatewayPrefix(user);
        if (prefix.isEmpty()) {
            return List.of();
        }
        String p = prefix.get();
        return List.of(
                new Rule(true, p + "/up/#", Activity.PUBLISH),
                new Rule(true, p + "/state", Activity.PUBLISH),
                new Rule(true, p + "/down/#", Activity.SUBSCRIBE),
                new Rule(false, "stocksense/#", Activity.ALL),
                new Rule(true, "#", Activity.ALL));
    }

    /** {@code stocksense/v1/<site>/<gateway>} for a gateway user; empty when the name is not one. */
    static Optional<String> gatewayPrefix(String user) {
        if (user == null) {
            return Optional.empty();
        }
        String[] parts = user.split("/", -1);
        if (parts.length != 2 || !safeLevel(parts[0]) || !safeLevel(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(ROOT + "/" + parts[0] + "/" + parts[1]);
    }

    /** A topic level that cannot widen a filter: no wildcards, nothing empty. */
    private static boolean safeLevel(String s) {
        return !s.isEmpty() && s.chars().noneMatch(c -> c == '+' || c == '#' || c == '$' || c < 0x20);
    }

    /**
     * A Mosquitto {@code acl_file} for these users. Mosquitto has no ordered deny-then-allow, so a
     * gateway gets exactly its own topics there; its devices belong on their own broker (or need lines
     * of their own).
     */
    public static String mosquittoAcl(List<String> users) {
        StringBuilder sb = new StringBuilder("# StockSense topic ACL: each gateway only under its own site and gateway id.\n");
        for (String user : users) {
            sb.append("\nuser ").append(user).append('\n');
            for (Rule r : rulesFor(user)) {
                if (r.allow() && !r.filter().equals("#")) {
                    String access = r.activity() == Activity.PUBLISH ? "write" : r.activity() == Activity.SUBSCRIBE ? "read" : "readwrite";
                    sb.append("topic ").append(access).append(' ').append(r.filter()).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
