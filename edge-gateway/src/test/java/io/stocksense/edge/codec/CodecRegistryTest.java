package io.stocksense.edge.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodecRegistryTest {

    @Test
    void findsEveryRegisteredCodecByName() {
        CodecRegistry registry = CodecRegistry.load();

        assertThat(registry.names()).containsExactly("barcode", "generic-json", "impinj-iotdi", "indicator-continuous", "mt-sics",
                "shelf-json", "shelly", "tasmota", "toledo-continuous", "zebra-iotc", "zigbee2mqtt");
        assertThat(registry.find("zebra-iotc")).get().extracting(DeviceCodec::name).isEqualTo("zebra-iotc");
        assertThat(registry.find("no-such-codec")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }
}
