package io.stocksense.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void buildsEveryTopicUnderTheSiteAndGatewayPrefix() {
        assertThat(Topics.prefix("demo", "gw-1")).isEqualTo("stocksense/v1/demo/gw-1/");
        assertThat(Topics.up("demo", "gw-1", Topics.Channel.MOVEMENTS)).isEqualTo("stocksense/v1/demo/gw-1/up/movements");
        assertThat(Topics.up("demo", "gw-1", Topics.Channel.TELEMETRY)).isEqualTo("stocksense/v1/demo/gw-1/up/telemetry");
        assertThat(Topics.up("demo", "gw-1", Topics.Channel.EVENTS)).isEqualTo("stocksense/v1/demo/gw-1/up/events");
        assertThat(Topics.ack("demo", "gw-1")).isEqualTo("stocksense/v1/demo/gw-1/down/ack");
        assertThat(Topics.config("demo", "gw-1")).isEqualTo("stocksense/v1/demo/gw-1/down/config");
        assertThat(Topics.state("site.A_2", "gw-1")).isEqualTo("stocksense/v1/site.A_2/gw-1/state");
    }

    @Test
    void cloudSubscribesToAllUpwardChannelsOptionallyShared() {
        assertThat(Topics.cloudSubscription(false)).isEqualTo("stocksense/v1/+/+/up/+");
        assertThat(Topics.cloudSubscription(true)).isEqualTo("$share/cloud-core/stocksense/v1/+/+/up/+");
    }

    @Test
    void parsesEveryUpwardTopicItBuilds() {
        for (Topics.Channel c : Topics.Channel.values()) {
            Topics.Address a = Topics.parseUp(Topics.up("demo", "gw-1", c));
            assertThat(a).isEqualTo(new Topics.Address("demo", "gw-1", c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "stocksense/v1/demo/gw-1/down/ack", "stocksense/v1/demo/gw-1/state", "stocksense/v1/demo/gw-1/up/other",
            "stocksense/v2/demo/gw-1/up/movements", "stocksense/v1/demo/gw-1/up/movements/extra",
            "stocksense/v1//gw-1/up/movements", "stocksense/v1/demo/+/up/movements", "/stocksense/v1/demo/gw-1/up/events"})
    void anythingElseIsNotAnUpwardTopic(String topic) {
        assertThat(Topics.parseUp(topic)).isNull();
    }

    @Test
    void nullTopicIsNotAnUpwardTopic() {
        assertThat(Topics.parseUp(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "+", "#", "-leading", "has space",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void idsThatWouldBreakTheTopicTreeAreRefused(String id) {
        assertThatThrownBy(() -> Topics.prefix(id, "gw-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("siteId must be 1-64 letters");
        assertThatThrownBy(() -> Topics.ack("demo", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gatewayId must be");
    }

    @Test
    void nullIdNamesTheField() {
        assertThatThrownBy(() -> Topics.prefix(null, "gw-1")).isInstanceOf(NullPointerException.class).hasMessage("siteId");
        assertThat(Topics.checkId("id", "x2345678901234567890123456789012345678901234567890123456789012345".substring(0, 64)))
                .hasSize(64);
    }
}
