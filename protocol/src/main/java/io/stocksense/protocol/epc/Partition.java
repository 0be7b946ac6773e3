package io.stocksense.protocol.epc;

/**
 * One row of a GS1 Tag Data Standard partition table: how the bits (and decimal digits) after the
 * 14-bit header/filter/partition prefix are split between the company prefix and the scheme's
 * reference (item reference, serial reference or asset type). The prefix always has
 * {@code 12 − partition} digits; the reference gets the remaining digits of the key.
 */
record Partition(int prefixBits, int prefixDigits, int refBits, int refDigits) {

    /** SGTIN-96 (TDS table 14-2): item reference digits include the indicator digit. 44 bits in all. */
    static final Partition[] SGTIN = {
            new Partition(40, 12, 4, 1), new Partition(37, 11, 7, 2), new Partition(34, 10, 10, 3),
            new Partition(30, 9, 14, 4), new Partition(27, 8, 17, 5), new Partition(24, 7, 20, 6),
            new Partition(20, 6, 24, 7)};

    /** SSCC-96 (TDS table 14-5): serial reference digits include the extension digit. 57 bits in all. */
    static final Partition[] SSCC = {
            new Partition(40, 12, 18, 5), new Partition(37, 11, 21, 6), new Partition(34, 10, 24, 7),
            new Partition(30, 9, 28, 8), new Partition(27, 8, 31, 9), new Partition(24, 7, 34, 10),
            new Partition(20, 6, 38, 11)};

    /** GRAI-96 (TDS table 14-11): the asset type may have no digits at all (partition 0). 44 bits in all. */
    static final Partition[] GRAI = {
            new Partition(40, 12, 4, 0), new Partition(37, 11, 7, 1), new Partition(34, 10, 10, 2),
            new Partition(30, 9, 14, 3), new Partition(27, 8, 17, 4), new Partition(24, 7, 20, 5),
            new Partition(20, 6, 24, 6)};

    /** The partition value for a company prefix of {@code prefixDigits} digits (6..12). */
    static int forPrefixLength(int prefixDigits) {
        return 12 - prefixDigits;
    }
}
