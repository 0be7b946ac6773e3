package io.stocksense.config.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MqttAccessTest {

    @Test
    void passwordsVerifyOnlyAgainstTheirOwnHash() {
        String hash = MqttPasswords.hash("s3cret-enough");
        assertThat(hash).matches("\\$7\\$101\\$[A-Za-z0-9+/=]{16}\\$[A-Za-z0-9+/=]{88}");
        assertThat(MqttPasswords.verify(hash, "s3cret-enough")).isTrue();
        assertThat(MqttPasswords.verify(hash, "s3cret-enougH")).isFalse();
        assertThat(MqttPasswords.verify("$6$abc$def", "s3cret-enough")).isFalse();
        assertThat(MqttPasswords.verify("$7$x$!!$??", "s3cret-enough")).isFalse();
        assertThat(MqttPasswords.verify(null, "s3cret-enough")).isFalse();
    }

    @Test
    void aGatewayGetsOnlyItsOwnTopicsAndWildcardNamesGetNothing() {
        assertThat(MqttAccess.rulesFor("site-a/gw-1")).startsWith(
                new MqttAccess.Rule(true, "stocksense/v1/site-a/gw-1/up/#", MqttAccess.Activity.PUBLISH),
                new MqttAccess.Rule(true, "stocksense/v1/site-a/gw-1/state", MqttAccess.Activity.PUBLISH),
                new MqttAccess.Rule(true, "stocksense/v1/site-a/gw-1/down/#", MqttAccess.Activity.SUBSCRIBE),
                new MqttAccess.Rule(false, "stocksense/#", MqttAccess.Activity.ALL));
        assertThat(MqttAccess.rulesFor("site-a/+")).isEmpty();
        assertThat(MqttAccess.rulesFor("#/gw-1")).isEmpty();
        assertThat(MqttAccess.rulesFor("site-a")).isEmpty();
        assertThat(MqttAccess.rulesFor("site-a/gw-1/x")).isEmpty();
        assertThat(MqttAccess.mosquittoAcl(java.util.List.of("site-a/gw-1")))
                .contains("user site-a/gw-1\ntopic write stocksense/v1/site-a/gw-1/up/#\n")
                .doesNotContain("topic readwrite #");
    }
}
