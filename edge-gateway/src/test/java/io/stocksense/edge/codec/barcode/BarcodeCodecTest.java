package io.stocksense.edge.codec.barcode;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ScanRead;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class BarcodeCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String GS = "\u001d";
    private final BarcodeCodec codec = new BarcodeCodec();

    @Test
    void aGs1128ScanWithSymbologyPrefixGivesGtinLotExpiryAndSerial() {
        String raw = "]C1" + "01" + "04012345123456" + "10" + "LOT-42" + GS + "17" + "270331" + "21" + "SN0001";

        DecodeResult r = codec.decode("scanner-1", (raw + "\r\n").getBytes(StandardCharsets.US_ASCII), NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new ScanRead("scanner-1", null, "04012345123456", "LOT-42",
                LocalDate.of(2027, 3, 31), "SN0001", raw));
    }

    @Test
    void decodesPlainGtinsAndElementStringsWithAndWithoutPrefix() {
        DecodeResult r = codec.decode("scanner-1", bytes("barcode_generic_scans.txt"), NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).map(x -> (ScanRead) x)
                .extracting(ScanRead::gtin14, ScanRead::lot, ScanRead::expiry, ScanRead::serial)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("04012345123456", null, null, null),        // EAN-13
                        org.assertj.core.groups.Tuple.tuple("00000096385074", null, null, null),        // EAN-8
                        org.assertj.core.groups.Tuple.tuple("00036000291452", null, null, null),        // UPC-A
                        org.assertj.core.groups.Tuple.tuple("10614141000415", null, null, null),        // GTIN-14
                        org.assertj.core.groups.Tuple.tuple("04012345123456", "LOT-42", LocalDate.of(2027, 3, 31), "SN0001"),
                        // no prefix; day 00 is the last day of the month; the lot runs to the end
                        org.assertj.core.groups.Tuple.tuple("04012345123456", "ABC", LocalDate.of(2027, 3, 31), null),
                        // ]d2 GS1 DataMatrix, serial first and GS-terminated
                        org.assertj.core.groups.Tuple.tuple("04012345123456", "L1", null, "SER-9"),
                        // leading FNC1 as GS; (15) best-before is skipped
                        org.assertj.core.groups.Tuple.tuple("04012345123456", null, null, "XYZ"),
                        // ]E0 EAN-13 symbology identifier
                        org.assertj.core.groups.Tuple.tuple("04012345123456", null, null, null));
        assertThat(((ScanRead) r.readings().get(6)).raw()).isEqualTo("]d221SER-9" + GS + "0104012345123456" + "10L1");
    }

    @Test
    void rejectsBadCheckDigitsDatesUnknownAisTruncationAndMissingGtin() {
        DecodeResult r = codec.decode("scanner-1", bytes("barcode_generic_malformed.txt"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(
                "gtin check digit is wrong in '4012345123457': expected 6, was 7",
                "AI (01) GTIN 04012345123457 has a wrong check digit",
                "AI (17) expiry 271341 is not a date YYMMDD",
                "unsupported AI (99) at position 16",
                "AI (01) needs 14 characters, only 10 left",
                "no GTIN, AI (01), in the element string",
                "AI (10) must have 1 to 20 characters, had 21",
                "unsupported AI (he) at position 0");
    }

    @Test
    void garbageIsRejectedAsHex() {
        DecodeResult r = codec.decode("scanner-1", bytes("barcode_generic_garbage.bin"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("not scanner text (line noise or a wrong baud rate?)");
            assertThat(x.excerpt()).isEqualTo("hex: 00 ff 13 9c");
        });
    }

    @Test
    void expiryYearsFollowTheGs1CenturyRule() {
        assertThat(Gs1ElementString.date("991231", 2026)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(Gs1ElementString.date("760101", 2026)).isEqualTo(LocalDate.of(2076, 1, 1));
        assertThat(Gs1ElementString.date("770101", 2026)).isEqualTo(LocalDate.of(1977, 1, 1));
        assertThat(Gs1ElementString.date("240200", 2026)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Gs1ElementString.date("240230", 2026)).isNull();
    }
}
