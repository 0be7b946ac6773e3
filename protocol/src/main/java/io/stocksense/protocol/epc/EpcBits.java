package io.stocksense.protocol.epc;

import java.math.BigInteger;
import java.util.Locale;

/**
 * A big-endian bit string as read from EPC memory: bit 0 is the most significant bit of the first
 * hex digit. EPC binary encodings are defined MSB first, so fields are read by their offset from
 * the left. Also builds bit strings for encoding.
 */
final class EpcBits {

    private final BigInteger value;
    private final int length;

    private EpcBits(BigInteger value, int length) {
        this.value = value;
        this.length = length;
    }

    /** From hex digits already checked to be hex; the length is 4 bits per digit. */
    static EpcBits ofHex(String hex) {
        return new EpcBits(new BigInteger(hex, 16), hex.length() * 4);
    }

    /** The unsigned field of {@code bits} bits (at most 63) starting {@code offset} bits from the left. */
    long field(int offset, int bits) {
        return value.shiftRight(length - offset - bits).longValue() & ((1L << bits) - 1);
    }

    /** Builds a bit string left to right. */
    static final class Writer {
        private BigInteger acc = BigInteger.ZERO;
        private int length;

        Writer put(long fieldValue, int bits) {
            acc = acc.shiftLeft(bits).or(BigInteger.valueOf(fieldValue));
            length += bits;
            return this;
        }

        /** Upper-case hex, zero-padded to the full length (a multiple of 4 bits). */
        String toHex() {
            String hex = acc.toString(16).toUpperCase(Locale.ROOT);
            return "0".repeat(length / 4 - hex.length()) + hex;
        }
    }
}
