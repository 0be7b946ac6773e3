package io.stocksense.edge.codec.mettler;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.codec.Weights;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class MtSicsCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final MtSicsCodec codec = new MtSicsCodec();

    @Test
    void aStableReplyIsAnExactWeightInGrams() {
        DecodeResult r = codec.decode("scale-1", "S S     100.00 g\r\n".getBytes(StandardCharsets.US_ASCII), NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new WeightReading("scale-1", null, new BigDecimal("100.00"), true));
    }

    @Test
    void decodesStableDynamicNegativeAndEveryUnit() {
        DecodeResult r = codec.decode("scale-1", bytes("mettler_xs204_replies.txt"), NOW);

        assertThat(r.rejections()).isEmpty();
        // 1.234 kg; 0.5 lb = 0.5 × 453.59237 g; 3 oz = 3 × 28.349523125 g; "SI S" is an echoed identifier.
        assertThat(Weights.of(r)).containsExactly("100 stable", "129.07 dynamic", "-2.5 stable", "1234 stable",
                "226.796185 stable", "85.048569375 stable", "12 stable");
    }

    @Test
    void statusAndErrorRepliesAreRejectionsWithTheirMeaningNeverAWeight() {
        DecodeResult r = codec.decode("scale-1", bytes("mettler_xs204_errors.txt"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).satisfiesExactly(
                x -> assertThat(x).startsWith("S I: command not executable"),
                x -> assertThat(x).startsWith("S +: overload"),
                x -> assertThat(x).startsWith("S -: underload"),
                x -> assertThat(x).startsWith("ES: syntax error"),
                x -> assertThat(x).startsWith("ET: transmission error"),
                x -> assertThat(x).startsWith("EL: logic error"));
        assertThat(r.rejections()).extracting(Rejection::excerpt).containsExactly("S I", "S +", "S -", "ES", "ET", "EL");
    }

    @Test
    void rejectsMalformedTruncatedAndForeignLines() {
        DecodeResult r = codec.decode("scale-1", bytes("mettler_xs204_malformed.txt"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason, Rejection::excerpt).satisfiesExactly(
                x -> assertThat(x.toList()).containsExactly("not an MT-SICS weight reply: expected 'S S|D <value> <unit>', 'S I', 'S +' or 'S -'", "S S       abc g"),
                x -> assertThat(x.toList()).containsExactly("not an MT-SICS weight reply: expected 'S S|D <value> <unit>', 'S I', 'S +' or 'S -'", "S X      12.00 g"),
                x -> assertThat(x.toList()).containsExactly("unknown weight unit 'furlong'; known: g, kg, mg, t, lb, oz, ozt, dwt, ton", "S S     100.00 furlong"),
                x -> assertThat(x.toList().get(1)).isEqualTo("S S     100.0"),
                x -> assertThat(x.toList()).containsExactly("not an MT-SICS reply to S/SI/SIR", "Z A"),
                x -> assertThat(x.toList()).containsExactly("not an MT-SICS reply to S/SI/SIR", "hello"));
    }

    @Test
    void garbageIsRejectedWithAHexExcerptAndTheNextLineStillDecodes() {
        DecodeResult r = codec.decode("scale-1", bytes("mettler_xs204_garbage.bin"), NOW);

        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("not MT-SICS text (line noise or a wrong baud rate?)");
            assertThat(x.excerpt()).isEqualTo("hex: ff 00 13 8a fe 53 a0");
        });
        assertThat(Weights.of(r)).containsExactly("100 stable");
    }

    @Test
    void anEmptyPayloadIsARejection() {
        DecodeResult r = codec.decode("scale-1", "\r\n".getBytes(StandardCharsets.US_ASCII), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly("empty MT-SICS payload");
    }
}
