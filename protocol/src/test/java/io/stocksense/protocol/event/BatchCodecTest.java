package io.stocksense.protocol.event;

import io.stocksense.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCodecTest {

    @Test
    void oneMalformedEventIsRejectedWhileTheOthersAreRead() throws IOException {
        BatchCodec.Decoded d = BatchCodec.decode(fixture("stocksense_batch-v1_one-malformed.json"));

        assertThat(d.envelopeOk()).isTrue();
        assertThat(d.siteId()).isEqualTo("demo");
        assertThat(d.gatewayId()).isEqualTo("gw-1");
        assertThat(d.batchSeq()).isEqualTo(17);
        assertThat(d.events()).extracting(GatewayEvent::deviceId).containsExactly("shelf-a1", "cold-sensor-1");
        StockMovement pick = (StockMovement) d.events().get(0);
        assertThat(pick.lines().get(0).quantity()).isEqualTo(new BigDecimal("3.0"));
        assertThat(pick.signedQuantity(pick.lines().get(0))).isEqualTo(new BigDecimal("-3.0"));
        TelemetryPoint t = (TelemetryPoint) d.events().get(1);
        assertThat(t.value()).isEqualTo(4.75);

        assertThat(d.rejected()).hasSize(1);
        BatchCodec.Rejected r = d.rejected().get(0);
        assertThat(r.index()).isEqualTo(1);
        assertThat(r.eventId()).isEqualTo("b4c6a1de-1111-3a4b-9c1d-000000000002");
        assertThat(r.reason()).isEqualTo("missing required field 'gatewayTime'");
        assertThat(r.rawJson()).contains("\"deviceId\":\"shelf-a2\"");
    }

    @Test
    void encodedBatchDecodesToTheSameEventsWithExactQuantities() {
        EventBatch batch = new EventBatch("demo", "gw-1", 3,
                List.of(EventJsonTest.movement(), EventJsonTest.telemetry(), EventJsonTest.deviceEvent()));
        BatchCodec.Decoded d = BatchCodec.decode(BatchCodec.encode(batch));
        assertThat(d.rejected()).isEmpty();
        assertThat(d.events()).isEqualTo(batch.events());
        assertThat(((StockMovement) d.events().get(0)).lines().get(1).quantity()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void eventsThatAreNotEventsAreRejectedOneByOne() {
        String json = "{\"gatewayId\":\"gw-1\",\"batchSeq\":4,\"events\":[null, 42, {\"eventId\":\"x\"},"
                + "{\"eventId\":\"y\",\"type\":\"teleport\"}]}";
        BatchCodec.Decoded d = BatchCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(d.events()).isEmpty();
        assertThat(d.rejected()).extracting(BatchCodec.Rejected::index).containsExactly(0, 1, 2, 3);
        assertThat(d.rejected()).extracting(BatchCodec.Rejected::eventId).containsExactly(null, null, "x", "y");
        assertThat(d.rejected().get(0).reason()).isEqualTo("event is null");
        assertThat(d.rejected().get(2).reason()).contains("missing type id property 'type'");
        assertThat(d.rejected().get(3).reason()).contains("'teleport'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all | batch is not valid JSON: ",
            "{\"gatewayId\":\"gw-1\",\"batchSeq\": | batch is not valid JSON: ",
            "[1,2] | batch must be a JSON object",
            "{\"gatewayId\":\"gw-1\",\"events\":[]} | batch has no positive integer batchSeq",
            "{\"gatewayId\":\"gw-1\",\"batchSeq\":0,\"events\":[]} | batch has no positive integer batchSeq",
            "{\"gatewayId\":\"gw-1\",\"batchSeq\":1.5,\"events\":[]} | batch has no positive integer batchSeq",
            "{\"gatewayId\":\"gw-1\",\"batchSeq\":\"7\",\"events\":[]} | batch has no positive integer batchSeq",
            "{\"batchSeq\":7,\"events\":[]} | batch has no gatewayId",
            "{\"gatewayId\":\"gw-1\",\"batchSeq\":7} | batch has no events[] array",
            "{\"gatewayId\":\"gw-1\",\"batchSeq\":7,\"events\":{}} | batch has no events[] array"
    })
    void unreadableEnvelopesSayWhy(String payload, String reasonStart) {
        BatchCodec.Decoded d = BatchCodec.decode(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(d.envelopeOk()).isFalse();
        assertThat(d.envelopeError()).startsWith(reasonStart);
        assertThat(d.events()).isEmpty();
        assertThat(d.rejected()).isEmpty();
    }

    @Test
    void nullAndEmptyPayloadsAreEnvelopeErrorsNotExceptions() {
        assertThat(BatchCodec.decode(null).envelopeError()).isEqualTo("batch is empty");
        assertThat(BatchCodec.decode(new byte[0]).envelopeError()).isEqualTo("batch is empty");
        assertThat(BatchCodec.decode(new byte[]{(byte) 0xFF, (byte) 0xFE, 0}).envelopeOk()).isFalse();
    }

    @Test
    void decodedListsAreImmutable() {
        BatchCodec.Decoded d = BatchCodec.decode(Json.write(new EventBatch(null, "gw-1", 1, List.of())));
        assertThat(d.envelopeOk()).isTrue();
        assertThat(d.siteId()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.events().add(EventJsonTest.telemetry()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BatchCodecTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
