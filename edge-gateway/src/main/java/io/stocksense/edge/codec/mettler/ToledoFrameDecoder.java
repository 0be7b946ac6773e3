package io.stocksense.edge.codec.mettler;

import java.math.BigDecimal;

/**
 * Parses one Toledo Continuous (standard continuous output) frame. Pure.
 *
 * <pre>
 * byte  0     STX (0x02)
 * byte  1     SWA  bits 0-2 decimal position: 0 = ×100 (XXXX00), 1 = ×10 (XXXXX0), 2 = XXXXXX,
 *                  3 = XXXXX.X, 4 = XXXX.XX, 5 = XXX.XXX, 6 = XX.XXXX, 7 = X.XXXXX;
 *                  bits 3-4 increment size (not needed here); bit 5 always 1; bit 6 always 0
 * byte  2     SWB  bit 0 net (else gross); bit 1 negative; bit 2 out of range (over capacity or
 *                  under zero); bit 3 in motion; bit 4 kg (else lb), used when SWC says lb/kg;
 *                  bit 5 always 1; bit 6 zero not captured at power-up
 * byte  3     SWC  bits 0-2 unit: 0 lb/kg (see SWB bit 4), 1 g, 2 metric t, 3 oz, 4 troy oz,
 *                  5 pennyweight, 6 long ton, 7 custom; bit 3 print request; bit 4 expanded ×10
 *                  display (not interpreted: the digits and decimal position still give the value);
 *                  bit 5 always 1
 * bytes 4-9   displayed weight, 6 ASCII digits, no sign, no decimal point (leading blanks allowed)
 * bytes 10-15 tare, 6 ASCII digits (checked, not used: the reading is the displayed weight)
 * byte 16     CR (0x0D)
 * byte 17     CHK, optional: the 2's complement of the 7-bit sum of bytes 0-16, so that
 *             (sum of bytes 0-17) &amp; 0x7F == 0
 * </pre>
 */
public final class ToledoFrameDecoder {

    public static final int STX = 0x02;
    public static final int CR = 0x0d;
    /** A frame without its checksum byte. */
    public static final int LENGTH = 17;

    private static final String[] UNITS = {null, "g", "t", "oz", "ozt", "dwt", "ton", null};

    /** A decoded frame, or why the bytes are not one. */
    public record Parsed(ToledoFrame frame, String error) {
    }

    private ToledoFrameDecoder() {
    }

    /** The checksum byte for the bytes before it (STX through CR). */
    public static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xff;
        }
        return -sum & 0x7f;
    }

    public static Parsed decode(byte[] f) {
        if (f.length != LENGTH && f.length != LENGTH + 1) {
            return error("a Toledo frame is 17 bytes (18 with checksum), this one has " + f.length);
        }
        if (f[0] != STX || f[16] != CR) {
            return error("a Toledo frame starts with STX and has CR at byte 17");
        }
        if (f.length == LENGTH + 1 && checksum(f, 0, LENGTH) != (f[LENGTH] & 0xff)) {
            return error(String.format("checksum mismatch: expected 0x%02x, was 0x%02x", checksum(f, 0, LENGTH), f[LENGTH] & 0xff));
        }
        int swa = f[1] & 0xff;
        int swb = f[2] & 0xff;
        int swc = f[3] & 0xff;
        if ((swa & 0x20) == 0 || (swb & 0x20) == 0 || (swc & 0x20) == 0 || ((swa | swb | swc) & 0x80) != 0) {
            return error("status words must have bit 5 set and bit 7 clear (SWA/SWB/SWC = "
                    + String.format("%02x %02x %02x)", swa, swb, swc));
        }
        Long digits = digits(f, 4);
        if (digits == null || digits(f, 10) == null) {
            return error("weight and tare must be 6 ASCII digits");
        }
        int unitCode = swc & 0x07;
        String unit = unitCode == 0 ? ((swb & 0x10) != 0 ? "kg" : "lb") : UNITS[unitCode];
        BigDecimal weight = scaled(digits, swa & 0x07);
        if ((swb & 0x02) != 0) {
            weight = weight.negate();
        }
        return new Parsed(new ToledoFrame(weight, unit, (swb & 0x01) != 0, (swb & 0x08) != 0, (swb & 0x04) != 0,
                (swb & 0x40) != 0, f.length == LENGTH + 1), null);
    }

    /** SWA bits 0-2: codes 0 and 1 are factors of 100 and 10 (the display shows fixed zeros), 2-7 are 0-5 decimals. */
    private static BigDecimal scaled(long digits, int code) {
        BigDecimal v = BigDecimal.valueOf(digits);
        if (code == 0) {
            return v.multiply(BigDecimal.valueOf(100));
        }
        if (code == 1) {
            return v.multiply(BigDecimal.TEN);
        }
        return v.movePointLeft(code - 2);
    }

    /** Six digits from {@code at}, leading blanks read as zeros; null if anything else. */
    private static Long digits(byte[] f, int at) {
        long v = 0;
        boolean seenDigit = false;
        for (int i = at; i < at + 6; i++) {
            int c = f[i];
            if (c == ' ' && !seenDigit) {
                continue;
            }
            if (c < '0' || c > '9') {
                return null;
            }
            seenDigit = true;
            v = v * 10 + (c - '0');
        }
        return seenDigit ? v : null;
    }

    private static Parsed error(String why) {
        return new Parsed(null, why);
    }
}
