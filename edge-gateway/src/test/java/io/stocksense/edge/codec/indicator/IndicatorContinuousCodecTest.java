package io.stocksense.edge.codec.indicator;

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

class IndicatorContinuousCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final IndicatorContinuousCodec codec = new IndicatorContinuousCodec();

    @Test
    void aStableGrossKilogramLineIsExactGrams() {
        DecodeResult r = codec.decode("ind-1", "ST,GS,+  4.876kg\r\n".getBytes(StandardCharsets.US_ASCII), NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new WeightReading("ind-1", null, new BigDecimal("4876.000"), true));
    }

    @Test
    void decodesUnstableNetSignCommaBeforeUnitAndOtherUnits() {
        DecodeResult r = codec.decode("ind-1", bytes("indicator_xk3190_continuous.txt"), NOW);

        assertThat(r.rejections()).isEmpty();
        // 12.5 lb = 12.5 × 453.59237 g; a missing sign is positive.
        assertThat(Weights.of(r)).containsExactly("4876 stable", "4880 dynamic", "-120 stable", "4876 stable",
                "5669.904625 stable", "1250 stable");
    }

    @Test
    void overloadAndUnderloadAreRejectionsNeverAWeight() {
        DecodeResult r = codec.decode("ind-1", bytes("indicator_xk3190_status.txt"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason, Rejection::excerpt).satisfiesExactly(
                x -> assertThat(x.toList()).containsExactly("OL: overload, the load is above the indicator's range", "OL,GS,+ ------kg"),
                x -> assertThat(x.toList()).containsExactly("UL: underload, the load is below the indicator's range", "UL,GS,-  0.000kg"));
    }

    @Test
    void rejectsMalformedAndTruncatedLines() {
        DecodeResult r = codec.decode("ind-1", bytes("indicator_xk3190_malformed.txt"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(
                "not an indicator line: expected 'ST|US|OL|UL,GS|NT,<sign><weight><unit>'",
                "weight field '+ 4.8.76kg' is not <sign><number><unit>",
                "unknown weight unit 'stone'; known: g, kg, mg, t, lb, oz, ozt, dwt, ton",
                "weight field '+  4.8' is not <sign><number><unit>",
                "not an indicator line: expected 'ST|US|OL|UL,GS|NT,<sign><weight><unit>'");
    }

    @Test
    void sevenE1OutputReadAsEightN1IsRejectedAsHex() {
        DecodeResult r = codec.decode("ind-1", bytes("indicator_xk3190_7e1-as-8n1.bin"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("not indicator text (line noise, or 7E1 output read as 8N1?)");
            // 'S' (0x53) has even parity already; 'T' (0x54) gets the parity bit: 0xd4.
            assertThat(x.excerpt()).startsWith("hex: 53 d4 ");
        });
    }
}
