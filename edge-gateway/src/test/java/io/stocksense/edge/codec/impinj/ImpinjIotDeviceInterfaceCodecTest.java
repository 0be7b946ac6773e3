package io.stocksense.edge.codec.impinj;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.TagRead;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class ImpinjIotDeviceInterfaceCodecTest {

    private static final Instant NOW = Instant.parse("2023-06-28T07:25:00Z");
    private final ImpinjIotDeviceInterfaceCodec codec = new ImpinjIotDeviceInterfaceCodec();

    private DecodeResult decode(String fixture) {
        return codec.decode("r700", bytes(fixture), NOW);
    }

    @Test
    void decodesOneEventWithNanosecondTimeAndCentiDbm() {
        DecodeResult r = decode("impinj_r700_single.json");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new TagRead("r700", Instant.parse("2023-06-28T07:24:00.277766184Z"),
                "3034F4E4E40C0E40000003E9", 2, -57.5, 1));
    }

    @Test
    void decodesAWebhookArraySkippingNonTagEventsAndFallingBackToBase64() {
        DecodeResult r = decode("impinj_r700_webhook.json");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(
                new TagRead("r700", Instant.parse("2023-06-28T07:24:00.277766184Z"), "3034F4E4E40C0E40000003E9", 1, -60.25, 1),
                new TagRead("r700", Instant.parse("2023-06-28T07:24:00.312Z"), "3074257BF7194E4000001A85", 2, -48.0, 1));
    }

    @Test
    void decodesAnNdjsonStream() {
        DecodeResult r = decode("impinj_r700_stream.txt");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(
                new TagRead("r700", Instant.parse("2023-06-28T07:24:01.000000001Z"), "3034F4E4E40C0E40000003E9", 1, -51.0, 1),
                new TagRead("r700", Instant.parse("2023-06-28T07:24:01.5Z"), "E2801160600002054E2D1A66", 2, -70.0, 1),
                new TagRead("r700", Instant.parse("2023-06-28T07:24:02Z"), "3074257BF7194E4000001A85", 1, null, 1));
    }

    @Test
    void decodesTheMinimalEvent() {
        DecodeResult r = decode("impinj_r700_minimal.json");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new TagRead("r700", null, "3034F4E4E40C0E40000003E9", 1, -57.5, 1));
    }

    @Test
    void keepsTheLinesBeforeATruncatedOne() {
        DecodeResult r = decode("impinj_r700_truncated.txt");

        assertThat(r.readings()).hasSize(1);
        assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("not valid JSON");
    }

    @Test
    void rejectsWrongTypesOneByOne() {
        DecodeResult r = decode("impinj_r700_wrong-types.json");

        assertThat(r.readings()).containsExactly(new TagRead("r700", Instant.parse("2023-06-28T07:24:03Z"),
                "3074257BF7194E4000001A85", 3, -44.44, 1));
        assertThat(r.rejections()).extracting(Rejection::reason).satisfiesExactly(
                x -> assertThat(x).startsWith("tagInventoryEvent has neither a hex epcHex nor a base64 epc"),
                x -> assertThat(x).startsWith("tagInventoryEvent.antennaPort must be a positive integer"),
                x -> assertThat(x).startsWith("tagInventoryEvent.peakRssiCdbm must be a number"),
                x -> assertThat(x).startsWith("timestamp must be UTC ISO-8601"),
                x -> assertThat(x).isEqualTo("tagInventoryEvent object is missing"),
                x -> assertThat(x).isEqualTo("event must be an object with an eventType"));
    }
}
