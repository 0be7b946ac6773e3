package io.stocksense.cloud.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.stocksense.config.security.MqttAccess;
import io.stocksense.config.security.MqttPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded broker's access control, as a HiveMQ extension: a client must log in with a user and
 * password from the password file ({@link MqttPasswords}, Mosquitto's format), and then gets exactly the
 * topic permissions {@link MqttAccess} gives that user, everything else denied. So a gateway with
 * credentials for site A cannot publish into site B. A refused connect is logged with the user name;
 * HiveMQ disconnects an MQTT 3 client that publishes where it may not.
 *
 * <p>Threading: HiveMQ calls the authenticator on its own threads, concurrently; the password map is
 * immutable.
 */
final class BrokerAccessControl implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccessControl.class);

    private final Map<String, String> hashes;

    BrokerAccessControl(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
    }

    @Override
    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
        SimpleAuthenticator authenticator = this::authenticate;
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        LOG.info("embedded MQTT broker: {} accounts, per-gateway topic ACL", hashes.size());
    }

    @Override
    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
        // nothing held
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        Optional<String> user = input.getConnectPacket().getUserName();
        String password = input.getConnectPacket().getPassword().map(BrokerAccessControl::text).orElse(null);
        List<MqttAccess.Rule> rules = user.map(MqttAccess::rulesFor).orElse(List.of());
        if (user.isEmpty() || password == null || rules.isEmpty() || !MqttPasswords.verify(hashes.get(user.get()), password)) {
            LOG.warn("MQTT connect refused for client {} (user {}): bad user name or password",
                    input.getClientInformation().getClientId(), user.orElse("none"));
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
            return;
        }
        for (MqttAccess.Rule rule : rules) {
            output.getDefaultPermissions().add(permission(rule));
        }
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static TopicPermission permission(MqttAccess.Rule rule) {
        TopicPermission.MqttActivity activity = rule.activity() == MqttAccess.Activity.PUBLISH ? TopicPermission.MqttActivity.PUBLISH
                : rule.activity() == MqttAccess.Activity.SUBSCRIBE ? TopicPermission.MqttActivity.SUBSCRIBE : TopicPermission.MqttActivity.ALL;
        return Builders.topicPermission()
                .topicFilter(rule.filter())
                .type(rule.allow() ? TopicPermission.PermissionType.ALLOW : TopicPermission.PermissionType.DENY)
                .activity(activity)
                .build();
    }

    private static String text(ByteBuffer b) {
        ByteBuffer copy = b.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
