package io.stocksense.edge.codec.mettler;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.codec.Weights;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class ToledoContinuousCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final ToledoContinuousCodec codec = new ToledoContinuousCodec();

    /** A stable gross 1.005 kg frame, field by field. */
    static byte[] stableKg() {
        byte[] f = {
                0x02,                               // STX
                0x2d,                               // SWA: bit 5 | increment ×1 (bits 3-4 = 01) | decimals code 5 = XXX.XXX
                0x30,                               // SWB: bit 5 | bit 4 kg; gross, positive, in range, no motion
                0x20,                               // SWC: bit 5; unit code 0 = lb/kg per SWB
                '0', '0', '1', '0', '0', '5',       // weight 001005 → 1.005
                '0', '0', '0', '0', '0', '0',       // tare
                0x0d,                               // CR
                0x00};                              // CHK, set below
        f[17] = (byte) ToledoFrameDecoder.checksum(f, 0, 17);
        return f;
    }

    @Test
    void aFrameWithAGoodChecksumIsExactGrams() {
        byte[] f = stableKg();
        // 2's complement of the 7-bit sum: everything including CHK sums to 0 mod 128.
        int sum = 0;
        for (byte b : f) {
            sum += b & 0xff;
        }
        assertThat(sum & 0x7f).isZero();

        DecodeResult r = codec.decode("toledo-1", f, NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new WeightReading("toledo-1", null, new BigDecimal("1.005").multiply(new BigDecimal("1000")), true));
    }

    @Test
    void decodesARecordedStreamWithMotionNetSignUnitsAndDecimalPositions() {
        DecodeResult r = codec.decode("toledo-1", bytes("toledo_ind780_stream.bin"), NOW);

        assertThat(r.rejections()).isEmpty();
        // 1.005 kg; 1.407 kg in motion; net −0.120 kg; 1250 g blank-suppressed; 10.50 lb; 123 ×10 kg.
        assertThat(Weights.of(r)).containsExactly("1005 stable", "1407 dynamic", "-120 stable", "1250 stable",
                "4762.719885 stable", "1230000 stable");
    }

    @Test
    void framesWithoutTheOptionalChecksumDecode() {
        DecodeResult r = codec.decode("toledo-1", bytes("toledo_ind780_no-checksum.bin"), NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(Weights.of(r)).containsExactly("2500 stable", "2600 dynamic");
    }

    @Test
    void aBadChecksumIsARejection() {
        byte[] f = stableKg();
        int good = f[17];
        f[17] = (byte) ((good + 1) & 0x7f);

        DecodeResult r = codec.decode("toledo-1", f, NOW);
        DecodeResult recorded = codec.decode("toledo-1", bytes("toledo_ind780_bad-checksum.bin"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(
                String.format("checksum mismatch: expected 0x%02x, was 0x%02x", good, (good + 1) & 0x7f));
        assertThat(r.rejections().get(0).excerpt()).startsWith("hex: 02 2d 30 20 30 30 31 30 30 35");
        assertThat(recorded.readings()).isEmpty();
        assertThat(recorded.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("checksum mismatch");
    }

    @Test
    void outOfRangeNotReadyAndCustomUnitsAreRejectionsNeverAWeight() {
        DecodeResult r = codec.decode("toledo-1", bytes("toledo_ind780_status.bin"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(
                "out of range: the load is over capacity or under zero",
                "not ready: zero was not captured at power-up",
                "custom weight unit (SWC bits 0-2 = 7) cannot be converted to grams");
    }

    @Test
    void aTruncatedFrameIsRejectedAndTheNextFrameStillDecodes() {
        DecodeResult r = codec.decode("toledo-1", bytes("toledo_ind780_truncated.bin"), NOW);

        assertThat(r.rejections()).extracting(Rejection::reason)
                .containsExactly("a Toledo frame is 17 bytes (18 with checksum), this one has 8");
        assertThat(Weights.of(r)).containsExactly("1005 stable");
    }

    @Test
    void noiseAndWrongTypesAreRejectedWithHexAndGoodFramesBetweenThemDecode() {
        DecodeResult r = codec.decode("toledo-1", bytes("toledo_ind780_garbage.bin"), NOW);

        assertThat(r.rejections()).extracting(Rejection::reason, Rejection::excerpt).satisfiesExactly(
                x -> assertThat(x.toList()).containsExactly("bytes outside a Toledo frame (no STX)", "hex: ff 13 00 8a 41"),
                x -> assertThat(x.toList().get(0)).isEqualTo("weight and tare must be 6 ASCII digits"));
        assertThat(Weights.of(r)).containsExactly("1005 stable");
    }

    @Test
    void statusWordsWithoutTheirFixedBitAreRejected() {
        byte[] f = stableKg();
        f[1] = 0x0d; // SWA without bit 5: not a status word (a misaligned or garbled frame)
        f[17] = (byte) ToledoFrameDecoder.checksum(f, 0, 17);

        DecodeResult r = codec.decode("toledo-1", f, NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).singleElement().asString()
                .startsWith("status words must have bit 5 set");
    }
}
