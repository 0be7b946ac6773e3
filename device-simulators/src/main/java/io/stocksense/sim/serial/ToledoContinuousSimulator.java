package io.stocksense.sim.serial;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mettler Toledo terminal streaming standard continuous output in kilograms with three decimals,
 * with the checksum byte, every {@code interval}:
 * {@code STX SWA SWB SWC wwwwww tttttt CR CHK}. SWA = 0x2D (bit 5, increment ×1, XXX.XXX);
 * SWB = 0x30 (bit 5, kg) | 0x08 in motion | 0x02 negative | 0x04 when the weight does not fit six
 * digits; SWC = 0x20 (lb/kg per SWB). The tare is zero. The checksum is the 2's complement of the
 * 7-bit sum of all bytes before it.
 */
public final class ToledoContinuousSimulator extends SerialScaleSimulator {

    private final Duration interval;

    public ToledoContinuousSimulator(Path path, Duration interval) {
        super(path, "toledo");
        this.interval = interval;
    }

    /** One frame (18 bytes) for a weight in grams (rounded to whole grams = 0.001 kg). */
    public static byte[] frame(BigDecimal grams, boolean stable) {
        long g = grams.setScale(0, RoundingMode.HALF_UP).longValueExact();
        boolean outOfRange = Math.abs(g) > 999_999;
        int swb = 0x30 | (stable ? 0 : 0x08) | (g < 0 ? 0x02 : 0) | (outOfRange ? 0x04 : 0);
        String digits = String.format("%06d", outOfRange ? 999_999 : Math.abs(g));
        byte[] f = new byte[18];
        f[0] = 0x02;
        f[1] = 0x2d;
        f[2] = (byte) swb;
        f[3] = 0x20;
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, f, 4, 6);
        System.arraycopy("000000".getBytes(StandardCharsets.US_ASCII), 0, f, 10, 6);
        f[16] = 0x0d;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += f[i] & 0xff;
        }
        f[17] = (byte) (-sum & 0x7f);
        return f;
    }

    @Override
    protected void speak() throws LineGoneException {
        byte[] drain = new byte[64];
        while (running()) {
            write(frame(weightGrams(), stable()));
            long end = System.nanoTime() + interval.toNanos();
            while (running() && System.nanoTime() < end) {
                read(drain);
            }
        }
    }
}
