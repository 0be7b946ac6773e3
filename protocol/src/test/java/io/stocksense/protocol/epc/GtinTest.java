package io.stocksense.protocol.epc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @ParameterizedTest
    @CsvSource({
            "0401234512345, 6",      // GTIN-14 of DEVICE-FORMATS.md: 04012345123456
            "8061414112345, 8",      // 80614141123458
            "03600029145, 2",        // UPC-A 036000291452
            "400638133393, 1",       // EAN-13 4006381333931
            "9638507, 4",            // EAN-8 96385074
            "10614141234567890, 8",  // SSCC-18 106141412345678908 uses the same check digit
            "0000000000000, 0"
    })
    void checkDigitWeights3And1FromTheRight(String digits, int expected) {
        assertThat(Gtin.checkDigit(digits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a4", " 123", "-1"})
    void checkDigitRejectsNonDigits(String bad) {
        assertThatThrownBy(() -> Gtin.checkDigit(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits");
    }

    @Test
    void validGtin14NeedsFourteenDigitsAndTheRightCheckDigit() {
        assertThat(Gtin.isValidGtin14("04012345123456")).isTrue();
        assertThat(Gtin.isValidGtin14("80614141123458")).isTrue();
        assertThat(Gtin.isValidGtin14("04012345123457")).isFalse();
        assertThat(Gtin.isValidGtin14("4012345123456")).isFalse();
        assertThat(Gtin.isValidGtin14("0401234512345X")).isFalse();
        assertThat(Gtin.isValidGtin14("")).isFalse();
        assertThat(Gtin.isValidGtin14(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "96385074, 00000096385074",
            "036000291452, 00036000291452",
            "4006381333931, 04006381333931",
            "14012345200017, 14012345200017"
    })
    void normalizesEveryGtinLengthToFourteenDigits(String gtin, String gtin14) {
        assertThat(Gtin.normalizeToGtin14(gtin)).isEqualTo(gtin14);
        assertThat(Gtin.isValidGtin14(gtin14)).isTrue();
    }

    @Test
    void normalizeRejectsWrongLengthWrongCheckDigitAndNonDigits() {
        assertThatThrownBy(() -> Gtin.normalizeToGtin14("4012345123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gtin must have 8, 12, 13 or 14 digits, had 16 ('4012345123456789')");
        assertThatThrownBy(() -> Gtin.normalizeToGtin14("04012345123457"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gtin check digit is wrong in '04012345123457': expected 6, was 7");
        assertThatThrownBy(() -> Gtin.normalizeToGtin14("0401234512345O"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits");
        assertThatThrownBy(() -> Gtin.normalizeToGtin14(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}
