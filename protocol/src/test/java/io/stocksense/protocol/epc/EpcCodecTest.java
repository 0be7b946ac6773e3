package io.stocksense.protocol.epc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpcCodecTest {

    private static final long MAX_SERIAL = (1L << 38) - 1;

    @Test
    void decodesTheSgtinExampleWithPartition5AndIndicator8() {
        // 30 | 011 101 | 0614141 (24 bits) | 812345 (20 bits) | 6789 (38 bits)
        Sgtin s = sgtin("3074257BF7194E4000001A85");
        assertThat(s.filter()).isEqualTo(3);
        assertThat(s.partition()).isEqualTo(5);
        assertThat(s.companyPrefix()).isEqualTo("0614141");
        assertThat(s.itemReference()).isEqualTo("812345");
        assertThat(s.serial()).isEqualTo(6789L);
        assertThat(s.gtin14()).isEqualTo("80614141123458");
        assertThat(s.uri()).isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
        assertThat(s.hex()).isEqualTo("3074257BF7194E4000001A85");
    }

    @Test
    void decodesTheImpinjSgtinExampleWithLeadingZeroItemReference() {
        // 30 | 001 101 | 4012345 | 012345 | 1001
        Sgtin s = sgtin("3034F4E4E40C0E40000003E9");
        assertThat(s.filter()).isEqualTo(1);
        assertThat(s.itemReference()).isEqualTo("012345");
        assertThat(s.gtin14()).isEqualTo("04012345123456");
        assertThat(s.uri()).isEqualTo("urn:epc:id:sgtin:4012345.012345.1001");
    }

    @Test
    void acceptsLowerCaseAndReportsUpperCaseHex() {
        Sgtin s = sgtin("3074257bf7194e4000001a85");
        assertThat(s.hex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(s.gtin14()).isEqualTo("80614141123458");
    }

    @Test
    void decodesTheSsccExample() {
        // 31 | 001 101 | 0614141 (24 bits) | 1234567890 (34 bits) | 24 unallocated zero bits
        EpcDecodeResult r = EpcCodec.decode("3134257BF4499602D2000000");
        assertThat(r.kind()).isEqualTo(EpcDecodeResult.Kind.DECODED);
        Sscc s = (Sscc) r.identity();
        assertThat(s.filter()).isEqualTo(1);
        assertThat(s.partition()).isEqualTo(5);
        assertThat(s.companyPrefix()).isEqualTo("0614141");
        assertThat(s.serialReference()).isEqualTo("1234567890");
        assertThat(s.sscc18()).isEqualTo("106141412345678908");
        assertThat(s.uri()).isEqualTo("urn:epc:id:sscc:0614141.1234567890");
    }

    @Test
    void decodesGrai() {
        // 33 | 000 101 | 0614141 (24 bits) | asset type 12345 (20 bits) | serial 5678 (38 bits)
        Grai g = (Grai) EpcCodec.decode("3314257BF40C0E400000162E").identity();
        assertThat(g.filter()).isZero();
        assertThat(g.companyPrefix()).isEqualTo("0614141");
        assertThat(g.assetType()).isEqualTo("12345");
        assertThat(g.serial()).isEqualTo(5678L);
        assertThat(g.uri()).isEqualTo("urn:epc:id:grai:0614141.12345.5678");
    }

    @Test
    void decodesGraiWithTwelveDigitPrefixAndEmptyAssetType() {
        // 33 | 010 000 | 123456789012 (40 bits) | asset type 0 (4 bits, no digits) | serial 42
        Grai g = (Grai) EpcCodec.decode("334072FA646850000000002A").identity();
        assertThat(g.partition()).isZero();
        assertThat(g.assetType()).isEmpty();
        assertThat(g.uri()).isEqualTo("urn:epc:id:grai:123456789012..42");
    }

    @ParameterizedTest(name = "company prefix length {0}")
    @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
    void sgtinRoundTripsForEveryPartition(int prefixLength) {
        String body = "7" + "123456789012".substring(0, prefixLength) + "987654321".substring(0, 12 - prefixLength);
        String gtin14 = body + Gtin.checkDigit(body);
        for (long serial : new long[]{0, 1, 123456789, MAX_SERIAL}) {
            String hex = EpcCodec.encodeSgtin96(gtin14, prefixLength, 5, serial);
            assertThat(hex).hasSize(24).startsWith("30");
            Sgtin s = sgtin(hex);
            assertThat(s.gtin14()).isEqualTo(gtin14);
            assertThat(s.partition()).isEqualTo(12 - prefixLength);
            assertThat(s.companyPrefix()).isEqualTo(gtin14.substring(1, 1 + prefixLength));
            assertThat(s.itemReference()).startsWith("7").hasSize(13 - prefixLength);
            assertThat(s.filter()).isEqualTo(5);
            assertThat(s.serial()).isEqualTo(serial);
            assertThat(s.uri()).isEqualTo("urn:epc:id:sgtin:" + s.companyPrefix() + "." + s.itemReference() + "." + serial);
        }
    }

    @ParameterizedTest(name = "company prefix length {0}")
    @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
    void ssccRoundTripsForEveryPartition(int prefixLength) {
        String body = "3" + "123456789012".substring(0, prefixLength) + "9876543210987".substring(0, 16 - prefixLength);
        String sscc18 = body + Gtin.checkDigit(body);
        String hex = EpcCodec.encodeSscc96(sscc18, prefixLength, 2);
        assertThat(hex).hasSize(24).startsWith("31").endsWith("000000");
        Sscc s = (Sscc) EpcCodec.decode(hex).identity();
        assertThat(s.sscc18()).isEqualTo(sscc18);
        assertThat(s.partition()).isEqualTo(12 - prefixLength);
        assertThat(s.filter()).isEqualTo(2);
        assertThat(s.uri()).isEqualTo("urn:epc:id:sscc:" + sscc18.substring(1, 1 + prefixLength) + "."
                + "3" + sscc18.substring(1 + prefixLength, 17));
    }

    @ParameterizedTest(name = "company prefix length {0}")
    @ValueSource(ints = {6, 7, 8, 9, 10, 11, 12})
    void graiRoundTripsForEveryPartition(int prefixLength) {
        String prefix = "123456789012".substring(0, prefixLength);
        String assetType = "012345".substring(0, 12 - prefixLength);
        String hex = EpcCodec.encodeGrai96(prefix, assetType, 1, MAX_SERIAL);
        Grai g = (Grai) EpcCodec.decode(hex).identity();
        assertThat(g.companyPrefix()).isEqualTo(prefix);
        assertThat(g.assetType()).isEqualTo(assetType);
        assertThat(g.serial()).isEqualTo(MAX_SERIAL);
        assertThat(g.uri()).isEqualTo("urn:epc:id:grai:" + prefix + "." + assetType + "." + MAX_SERIAL);
    }

    @Test
    void encodingTheDocumentedGtinGivesTheDocumentedTag() {
        assertThat(EpcCodec.encodeSgtin96("04012345123456", 7, 1, 1001)).isEqualTo("3034F4E4E40C0E40000003E9");
        assertThat(EpcCodec.encodeSgtin96("80614141123458", 7, 3, 6789)).isEqualTo("3074257BF7194E4000001A85");
        assertThat(EpcCodec.encodeSscc96("106141412345678908", 7, 1)).isEqualTo("3134257BF4499602D2000000");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyIsInvalid(String hex) {
        assertInvalid(hex, "EPC is empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3074257BF7194E4000001A8G | EPC has a non-hex character 'G' at position 23",
            "3074-257BF7194E4000001A85 | EPC has a non-hex character '-' at position 4",
            "'3074257BF7194E4000001A85 ' | EPC has a non-hex character ' ' at position 24",
            "307425 | SGTIN-96 needs exactly 24 hex digits, had 6",
            "3074257BF7194E4000001A8500 | SGTIN-96 needs exactly 24 hex digits, had 26",
            "3134257BF4499602D200 | SSCC-96 needs exactly 24 hex digits, had 20",
            "3314257BF40C0E400000162E00000000 | GRAI-96 needs exactly 24 hex digits, had 32",
            "3074257BF7194E4000001A8 | EPC has an odd number of hex digits (23)",
            // 30 | 001 111: partition 7 does not exist
            "303C257BF40C0E4000000001 | SGTIN-96 partition 7 is reserved",
            // 30 | 001 110 | company prefix 1000000 in 20 bits, but partition 6 allows only 6 digits
            "303BD0900000000000000000 | SGTIN-96 company prefix 1000000 has more than 6 digits (partition 6)",
            // 30 | 001 101 | 0614141 | item reference 1000000 in 20 bits, but partition 5 allows only 6 digits
            "3034257BF7D0900000000000 | SGTIN-96 item reference 1000000 has more than 6 digits (partition 5)"
    })
    void malformedInputIsInvalidWithAReason(String hex, String reason) {
        assertInvalid(hex, reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "E28011606000020A1B2C3D4E | unencoded factory EPC (starts E2), not a GS1 identity",
            "e2003412012345678900 | unencoded factory EPC (starts E2), not a GS1 identity",
            "3630257BF7194E4000001A8500000000000000000000000000 | SGTIN-198 (header 0x36) is not supported yet",
            "3530257BF7194E4000001A85 | GID-96 (header 0x35) is not supported yet",
            "AA0102030405060708090A0B | unknown EPC header 0xAA",
            "0000 | unknown EPC header 0x00"
    })
    void wellFormedTagsWithoutADecodableIdentityAreUnresolved(String hex, String reason) {
        EpcDecodeResult r = EpcCodec.decode(hex);
        assertThat(r.kind()).isEqualTo(EpcDecodeResult.Kind.UNRESOLVED);
        assertThat(r.identity()).isNull();
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.isDecoded()).isFalse();
    }

    @Test
    void encodeSgtinNamesTheBadField() {
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("04012345123457", 7, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("gtin14 must be 14 digits");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("4012345123456", 7, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("gtin14 ");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96(null, 7, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("gtin14 ");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("04012345123456", 5, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("companyPrefixLength must be 6..12, was 5");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("04012345123456", 13, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("companyPrefixLength must be 6..12, was 13");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("04012345123456", 7, 8, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("filter must be 0..7, was 8");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("04012345123456", 7, 1, MAX_SERIAL + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serial must be 0..274877906943");
        assertThatThrownBy(() -> EpcCodec.encodeSgtin96("04012345123456", 7, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serial ");
    }

    @Test
    void encodeSsccNamesTheBadField() {
        assertThatThrownBy(() -> EpcCodec.encodeSscc96("106141412345678909", 7, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sscc18 must be 18 digits with a valid check digit, was '106141412345678909'");
        assertThatThrownBy(() -> EpcCodec.encodeSscc96("10614141234567890", 7, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sscc18 ");
        assertThatThrownBy(() -> EpcCodec.encodeSscc96("106141412345678908", 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("companyPrefixLength ");
        assertThatThrownBy(() -> EpcCodec.encodeSscc96("106141412345678908", 7, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("filter ");
    }

    @Test
    void encodeGraiNamesTheBadField() {
        assertThatThrownBy(() -> EpcCodec.encodeGrai96("12345", "", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("companyPrefix must be 6..12 digits");
        assertThatThrownBy(() -> EpcCodec.encodeGrai96("0614141", "1234", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assetType must be 5 digits for a 7-digit company prefix, was '1234'");
    }

    private static Sgtin sgtin(String hex) {
        EpcDecodeResult r = EpcCodec.decode(hex);
        assertThat(r.kind()).as(r.reason()).isEqualTo(EpcDecodeResult.Kind.DECODED);
        assertThat(r.reason()).isNull();
        return (Sgtin) r.identity();
    }

    private static void assertInvalid(String hex, String reason) {
        EpcDecodeResult r = EpcCodec.decode(hex);
        assertThat(r.kind()).isEqualTo(EpcDecodeResult.Kind.INVALID);
        assertThat(r.identity()).isNull();
        assertThat(r.reason()).isEqualTo(reason);
    }
}
