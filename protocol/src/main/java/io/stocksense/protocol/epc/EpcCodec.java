package io.stocksense.protocol.epc;

import java.util.Locale;
import java.util.Map;

/**
 * GS1 EPC binary codec (Tag Data Standard): decodes SGTIN-96, SSCC-96 and GRAI-96 and encodes them.
 * Pure and thread-safe.
 *
 * <p>Every 96-bit scheme here starts the same way, MSB first:
 * <pre>
 *   header (8) | filter (3) | partition (3) | company prefix (P bits) | reference (R bits) | rest
 * </pre>
 * where P + R is fixed per scheme (44 for SGTIN/GRAI, 57 for SSCC) and the partition picks the split
 * (see {@link Partition}). The rest is a 38-bit serial (SGTIN, GRAI) or 24 unallocated bits (SSCC,
 * ignored when decoding, zero when encoding).
 *
 * <p>Failure: {@link #decode} never throws; it returns {@link EpcDecodeResult.Kind#INVALID} for
 * malformed input and {@link EpcDecodeResult.Kind#UNRESOLVED} for well-formed tags that carry no
 * identity we decode (factory {@code E2…} EPCs, unsupported or unknown headers). The encoders throw
 * {@link IllegalArgumentException} with a message naming the bad argument.
 */
public final class EpcCodec {

    static final int SGTIN_96 = 0x30;
    static final int SSCC_96 = 0x31;
    static final int GRAI_96 = 0x33;
    private static final int HEX_96 = 24;
    private static final int SERIAL_BITS = 38;
    private static final long MAX_SERIAL = (1L << SERIAL_BITS) - 1;

    /** Other GS1 headers (TDS table 14-1): recognised so the reason can name them, not decoded yet. */
    private static final Map<Integer, String> OTHER_GS1 = Map.ofEntries(
            Map.entry(0x2C, "GDTI-96"), Map.entry(0x2D, "GSRN-96"), Map.entry(0x2E, "GSRNP-96"),
            Map.entry(0x2F, "USDOD-96"), Map.entry(0x32, "SGLN-96"), Map.entry(0x34, "GIAI-96"),
            Map.entry(0x35, "GID-96"), Map.entry(0x36, "SGTIN-198"), Map.entry(0x37, "GRAI-170"),
            Map.entry(0x38, "GIAI-202"), Map.entry(0x39, "SGLN-195"), Map.entry(0x3A, "GDTI-113"),
            Map.entry(0x3B, "ADI-var"), Map.entry(0x3C, "CPI-96"), Map.entry(0x3D, "CPI-var"),
            Map.entry(0x3E, "GDTI-174"), Map.entry(0x3F, "SGCN-96"), Map.entry(0x40, "ITIP-110"),
            Map.entry(0x41, "ITIP-212"));

    private EpcCodec() {
    }

    /** Decodes EPC hex (any case, no separators or whitespace). Never throws. */
    public static EpcDecodeResult decode(String hex) {
        try {
            return decodeChecked(hex);
        } catch (RuntimeException e) {
            // Defensive: a bug here must not take a reader pipeline down; report it as bad input.
            return EpcDecodeResult.invalid("cannot decode EPC: " + e);
        }
    }

    private static EpcDecodeResult decodeChecked(String hex) {
        if (hex == null || hex.isEmpty()) {
            return EpcDecodeResult.invalid("EPC is empty");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isHex(hex.charAt(i))) {
                return EpcDecodeResult.invalid("EPC has a non-hex character '" + hex.charAt(i) + "' at position " + i);
            }
        }
        if (hex.length() % 2 != 0) {
            return EpcDecodeResult.invalid("EPC has an odd number of hex digits (" + hex.length() + ")");
        }
        String upper = hex.toUpperCase(Locale.ROOT);
        int header = Integer.parseInt(upper.substring(0, 2), 16);
        switch (header) {
            case SGTIN_96:
                return decodeSgtin96(upper);
            case SSCC_96:
                return decodeSscc96(upper);
            case GRAI_96:
                return decodeGrai96(upper);
            default:
                return unresolvedHeader(upper, header);
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static EpcDecodeResult unresolvedHeader(String hex, int header) {
        if (hex.startsWith("E2")) {
            // Class-1 Gen-2 tags leave the factory with a TID-like EPC starting E2 (the ISO 15963
            // allocation class). It names a chip, not a product: never guess a product from it.
            return EpcDecodeResult.unresolved("unencoded factory EPC (starts E2), not a GS1 identity");
        }
        String scheme = OTHER_GS1.get(header);
        if (scheme != null) {
            return EpcDecodeResult.unresolved(scheme + " (header 0x" + hex.substring(0, 2) + ") is not supported yet");
        }
        return EpcDecodeResult.unresolved("unknown EPC header 0x" + hex.substring(0, 2));
    }

    private static EpcDecodeResult decodeSgtin96(String hex) {
        Fields f = Fields.read("SGTIN-96", "item reference", hex, Partition.SGTIN);
        if (f.error != null) {
            return f.error;
        }
        long serial = f.bits.field(14 + 44, SERIAL_BITS);
        // GTIN-14 = indicator (first item-reference digit) + company prefix + rest of item reference + check.
        String body = f.reference.charAt(0) + f.prefix + f.reference.substring(1);
        String gtin14 = body + Gtin.checkDigit(body);
        String uri = "urn:epc:id:sgtin:" + f.prefix + "." + f.reference + "." + serial;
        return EpcDecodeResult.decoded(new Sgtin(hex, f.filter, f.partition, f.prefix, f.reference, serial, gtin14, uri));
    }

    private static EpcDecodeResult decodeSscc96(String hex) {
        Fields f = Fields.read("SSCC-96", "serial reference", hex, Partition.SSCC);
        if (f.error != null) {
            return f.error;
        }
        // SSCC-18 = extension digit (first serial-reference digit) + company prefix + rest + check.
        String body = f.reference.charAt(0) + f.prefix + f.reference.substring(1);
        String sscc18 = body + Gtin.checkDigit(body);
        String uri = "urn:epc:id:sscc:" + f.prefix + "." + f.reference;
        return EpcDecodeResult.decoded(new Sscc(hex, f.filter, f.partition, f.prefix, f.reference, sscc18, uri));
    }

    private static EpcDecodeResult decodeGrai96(String hex) {
        Fields f = Fields.read("GRAI-96", "asset type", hex, Partition.GRAI);
        if (f.error != null) {
            return f.error;
        }
        long serial = f.bits.field(14 + 44, SERIAL_BITS);
        String uri = "urn:epc:id:grai:" + f.prefix + "." + f.reference + "." + serial;
        return EpcDecodeResult.decoded(new Grai(hex, f.filter, f.partition, f.prefix, f.reference, serial, uri));
    }

    /**
     * Encodes an SGTIN-96 for a GTIN-14.
     *
     * @param companyPrefixLength 6..12 digits of the GTIN (after the indicator) that are the company prefix
     * @param filter              0..7 (1 = point of sale item, 3 = case, …)
     * @param serial              0..2^38−1
     * @return 24 upper-case hex digits
     * @throws IllegalArgumentException on an invalid GTIN, prefix length, filter or serial (≥ 2^38)
     */
    public static String encodeSgtin96(String gtin14, int companyPrefixLength, int filter, long serial) {
        if (!Gtin.isValidGtin14(gtin14)) {
            throw new IllegalArgumentException("gtin14 must be 14 digits with a valid check digit, was "
                    + quote(gtin14));
        }
        checkCommon(companyPrefixLength, filter);
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial must be 0.." + MAX_SERIAL + " (38 bits), was " + serial);
        }
        String prefix = gtin14.substring(1, 1 + companyPrefixLength);
        String reference = gtin14.charAt(0) + gtin14.substring(1 + companyPrefixLength, 13);
        return header(SGTIN_96, filter, companyPrefixLength, prefix, reference, Partition.SGTIN)
                .put(serial, SERIAL_BITS).toHex();
    }

    /**
     * Encodes an SSCC-96 from an 18-digit SSCC (check digit included and verified).
     *
     * @throws IllegalArgumentException on an invalid SSCC, prefix length (6..12) or filter (0..7)
     */
    public static String encodeSscc96(String sscc18, int companyPrefixLength, int filter) {
        if (sscc18 == null || sscc18.length() != 18 || !Gtin.isDigits(sscc18) || !Gtin.hasValidCheckDigit(sscc18)) {
            throw new IllegalArgumentException("sscc18 must be 18 digits with a valid check digit, was "
                    + quote(sscc18));
        }
        checkCommon(companyPrefixLength, filter);
        String prefix = sscc18.substring(1, 1 + companyPrefixLength);
        String reference = sscc18.charAt(0) + sscc18.substring(1 + companyPrefixLength, 17);
        return header(SSCC_96, filter, companyPrefixLength, prefix, reference, Partition.SSCC).put(0, 24).toHex();
    }

    /**
     * Encodes a GRAI-96. The partition follows from the company prefix's length.
     *
     * @param companyPrefix 6..12 digits
     * @param assetType     12 − companyPrefix.length() digits (empty for a 12-digit prefix)
     * @throws IllegalArgumentException on a bad prefix, asset type, filter or serial (≥ 2^38)
     */
    public static String encodeGrai96(String companyPrefix, String assetType, int filter, long serial) {
        if (!Gtin.isDigits(companyPrefix) || companyPrefix.length() < 6 || companyPrefix.length() > 12) {
            throw new IllegalArgumentException("companyPrefix must be 6..12 digits, was " + quote(companyPrefix));
        }
        int atDigits = 12 - companyPrefix.length();
        if (assetType == null || assetType.length() != atDigits || (atDigits > 0 && !Gtin.isDigits(assetType))) {
            throw new IllegalArgumentException("assetType must be " + atDigits + " digits for a "
                    + companyPrefix.length() + "-digit company prefix, was " + quote(assetType));
        }
        checkCommon(companyPrefix.length(), filter);
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial must be 0.." + MAX_SERIAL + " (38 bits), was " + serial);
        }
        return header(GRAI_96, filter, companyPrefix.length(), companyPrefix, assetType, Partition.GRAI)
                .put(serial, SERIAL_BITS).toHex();
    }

    private static EpcBits.Writer header(int header, int filter, int prefixLength, String prefix, String reference,
                                         Partition[] table) {
        int partition = Partition.forPrefixLength(prefixLength);
        Partition p = table[partition];
        long ref = reference.isEmpty() ? 0 : Long.parseLong(reference);
        return new EpcBits.Writer().put(header, 8).put(filter, 3).put(partition, 3)
                .put(Long.parseLong(prefix), p.prefixBits()).put(ref, p.refBits());
    }

    private static void checkCommon(int companyPrefixLength, int filter) {
        if (companyPrefixLength < 6 || companyPrefixLength > 12) {
            throw new IllegalArgumentException("companyPrefixLength must be 6..12, was " + companyPrefixLength);
        }
        if (filter < 0 || filter > 7) {
            throw new IllegalArgumentException("filter must be 0..7, was " + filter);
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /** The shared prefix fields of a 96-bit GS1 scheme, or the reason they are invalid. */
    private static final class Fields {
        EpcBits bits;
        int filter;
        int partition;
        String prefix;
        String reference;
        EpcDecodeResult error;

        static Fields read(String scheme, String refName, String hex, Partition[] table) {
            Fields f = new Fields();
            if (hex.length() != HEX_96) {
                f.error = EpcDecodeResult.invalid(scheme + " needs exactly 24 hex digits, had " + hex.length());
                return f;
            }
            f.bits = EpcBits.ofHex(hex);
            f.filter = (int) f.bits.field(8, 3);
            f.partition = (int) f.bits.field(11, 3);
            if (f.partition == 7) {
                f.error = EpcDecodeResult.invalid(scheme + " partition 7 is reserved");
                return f;
            }
            Partition p = table[f.partition];
            long prefix = f.bits.field(14, p.prefixBits());
            long ref = f.bits.field(14 + p.prefixBits(), p.refBits());
            f.prefix = digits(prefix, p.prefixDigits());
            f.reference = digits(ref, p.refDigits());
            if (f.prefix == null) {
                f.error = EpcDecodeResult.invalid(scheme + " company prefix " + prefix + " has more than "
                        + p.prefixDigits() + " digits (partition " + f.partition + ")");
            } else if (f.reference == null) {
                f.error = EpcDecodeResult.invalid(scheme + " " + refName + " " + ref + " has more than "
                        + p.refDigits() + " digits (partition " + f.partition + ")");
            }
            return f;
        }

        /** The value zero-padded to exactly {@code digits} digits, or null when it has more. */
        private static String digits(long value, int digits) {
            String s = digits == 0 && value == 0 ? "" : Long.toString(value);
            return s.length() > digits ? null : "0".repeat(digits - s.length()) + s;
        }
    }
}
