package io.stocksense.cloud.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayStateStoreTest {

    @Test
    void readsTheStateFromJsonOrAPlainWord() {
        assertThat(GatewayStateStore.stateOf("{\"state\":\"online\",\"ts\":\"2026-01-01T00:00:00Z\"}")).isEqualTo("online");
        assertThat(GatewayStateStore.stateOf("{\"status\":\"offline\"}")).isEqualTo("offline");
        assertThat(GatewayStateStore.stateOf(" Online\n")).isEqualTo("online");
        assertThat(GatewayStateStore.stateOf("{\"state\":")).isEqualTo("unknown");
        assertThat(GatewayStateStore.stateOf("42 bottles")).isEqualTo("unknown");
    }
}
