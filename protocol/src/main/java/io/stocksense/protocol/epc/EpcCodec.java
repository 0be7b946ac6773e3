package io.stocksense.protocol.epc;

/** GS1 EPC binary codec (SGTIN-96, SSCC-96, GRAI-96). PLACEHOLDER: being implemented. */
public final class EpcCodec {

    private EpcCodec() {
    }

    /** Decodes EPC hex (any case, no separators). Never throws. */
    public static EpcDecodeResult decode(String hex) {
        throw new UnsupportedOperationException("EpcCodec.decode not implemented yet");
    }

    /**
     * Encodes an SGTIN-96 for a GTIN-14.
     *
     * @param companyPrefixLength 6..12 digits of the GTIN (after the indicator) that are the company prefix
     * @throws IllegalArgumentException on an invalid GTIN, prefix length, filter or serial (≥ 2^38)
     */
    public static String encodeSgtin96(String gtin14, int companyPrefixLength, int filter, long serial) {
        throw new UnsupportedOperationException("EpcCodec.encodeSgtin96 not implemented yet");
    }

    /** Encodes an SSCC-96 from an 18-digit SSCC (check digit included and verified). */
    public static String encodeSscc96(String sscc18, int companyPrefixLength, int filter) {
        throw new UnsupportedOperationException("EpcCodec.encodeSscc96 not implemented yet");
    }
}
