package io.stocksense.sim.serial;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SerialScaleFramesTest {

    @Test
    void toledoFrameCarriesStatusDigitsAndAValidChecksum() {
        byte[] f = ToledoContinuousSimulator.frame(new BigDecimal("1005"), true);

        assertThat(f).hasSize(18);
        assertThat(Arrays.copyOfRange(f, 0, 4)).containsExactly(0x02, 0x2d, 0x30, 0x20);
        assertThat(new String(f, 4, 12, StandardCharsets.US_ASCII)).isEqualTo("001005000000");
        assertThat(f[16]).isEqualTo((byte) 0x0d);
        int sum = 0;
        for (byte b : f) {
            sum += b & 0xff;
        }
        assertThat(sum & 0x7f).isZero();
    }

    @Test
    void toledoFrameFlagsMotionSignAndOutOfRange() {
        assertThat(ToledoContinuousSimulator.frame(new BigDecimal("-120"), false)[2]).isEqualTo((byte) (0x30 | 0x08 | 0x02));
        byte[] over = ToledoContinuousSimulator.frame(new BigDecimal("1000000"), true);
        assertThat(over[2]).isEqualTo((byte) (0x30 | 0x04));
        assertThat(new String(over, 4, 6, StandardCharsets.US_ASCII)).isEqualTo("999999");
    }

    @Test
    void indicatorLineIsKilogramsWithSignAndStability() {
        assertThat(IndicatorContinuousSimulator.line(new BigDecimal("4876"), true)).isEqualTo("ST,GS,+  4.876kg");
        assertThat(IndicatorContinuousSimulator.line(new BigDecimal("-120.4"), false)).isEqualTo("US,GS,-  0.120kg");
    }
}
