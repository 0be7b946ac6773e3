package io.stocksense.edge.codec.zebra;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.TagRead;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class ZebraIotConnectorCodecTest {

    private static final Instant NOW = Instant.parse("2024-05-02T09:15:30Z");
    private final ZebraIotConnectorCodec codec = new ZebraIotConnectorCodec();

    private DecodeResult decode(String fixture) {
        return codec.decode("portal-1", bytes(fixture), NOW);
    }

    @Test
    void decodesOneSimpleEvent() {
        DecodeResult r = decode("zebra_fx9600_simple.json");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new TagRead("portal-1", Instant.parse("2024-05-02T09:15:27.123Z"),
                "3074257BF7194E4000001A85", 1, -62.0, 3));
    }

    @Test
    void decodesAnArrayAndConvertsTheColonlessOffset() {
        DecodeResult r = decode("zebra_fx9600_array.json");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(
                new TagRead("portal-1", Instant.parse("2024-05-02T07:15:27.123Z"), "3034F4E4E40C0E40000003E9", 1, -55.0, 1),
                new TagRead("portal-1", Instant.parse("2024-05-02T07:15:27.456Z"), "E2801160600002054E2D1A66", 2, -71.0, 4));
    }

    @Test
    void splitsObjectsGluedWithoutSeparator() {
        DecodeResult r = decode("zebra_fx9600_glued.txt");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).extracting(x -> ((TagRead) x).antenna()).containsExactly(1, 2, 3);
        assertThat(r.readings()).extracting(x -> ((TagRead) x).readCount()).containsExactly(3, 1, 2);
        assertThat(r.readings().get(2).deviceTime()).isEqualTo(Instant.parse("2024-05-02T14:15:29.999Z"));
        assertThat(((TagRead) r.readings().get(2)).epcHex()).isEqualTo("3034F4E4E40C0E40000003E9");
    }

    @Test
    void acceptsEveryOperatingMode() {
        DecodeResult r = decode("zebra_fx9600_modes.txt");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).hasSize(6);
    }

    @Test
    void keepsTheEventsBeforeATruncatedOne() {
        DecodeResult r = decode("zebra_fx9600_truncated.txt");

        assertThat(r.readings()).hasSize(1);
        assertThat(((TagRead) r.readings().get(0)).epcHex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("not valid JSON");
    }

    @Test
    void rejectsEachBadEventWithItsReasonAndKeepsTheGoodOne() {
        DecodeResult r = decode("zebra_fx9600_wrong-types.json");

        assertThat(r.readings()).containsExactly(new TagRead("portal-1", Instant.parse("2024-05-02T09:15:27.124Z"),
                "3074257BF7194E4000001A85", 4, -40.0, 7));
        assertThat(r.rejections()).extracting(Rejection::reason).satisfiesExactly(
                x -> assertThat(x).startsWith("data.antenna must be a positive integer"),
                x -> assertThat(x).startsWith("data.idHex must be hex in whole 16-bit words"),
                x -> assertThat(x).startsWith("data.peakRssi must be a number"),
                x -> assertThat(x).startsWith("timestamp must match"),
                x -> assertThat(x).startsWith("type must be one of"),
                x -> assertThat(x).isEqualTo("data object is missing"),
                x -> assertThat(x).isEqualTo("tag event must be a JSON object"));
        assertThat(r.rejections().get(0).excerpt()).contains("\"antenna\":\"one\"");
    }

    @Test
    void rejectsEmptyAndNonJsonPayloads() {
        assertThat(codec.decode("portal-1", new byte[0], NOW).rejections()).extracting(Rejection::reason)
                .containsExactly("payload is empty");
        DecodeResult binary = codec.decode("portal-1", new byte[]{0x02, (byte) 0xff, 0x10}, NOW);
        assertThat(binary.readings()).isEmpty();
        assertThat(binary.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("not valid JSON");
    }
}
