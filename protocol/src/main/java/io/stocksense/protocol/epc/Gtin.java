package io.stocksense.protocol.epc;

/**
 * GS1 check digits and GTIN normalisation. The same mod-10 check digit protects GTIN-8/12/13/14,
 * SSCC-18 and GLN-13: weights 3,1,3,… from the rightmost data digit, check = (10 − sum mod 10) mod 10.
 * Pure and thread-safe; bad input is an {@link IllegalArgumentException} naming what was wrong.
 */
public final class Gtin {

    private Gtin() {
    }

    /**
     * The GS1 check digit for a string of data digits (the check digit itself not included).
     *
     * @throws IllegalArgumentException when the input is null, empty or has a non-digit
     */
    public static int checkDigit(String digitsWithoutCheck) {
        requireDigits("digits", digitsWithoutCheck);
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            sum += (digitsWithoutCheck.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the value is a GTIN-14: exactly 14 digits whose last digit is the right check digit. */
    public static boolean isValidGtin14(String value) {
        return value != null && value.length() == 14 && isDigits(value) && hasValidCheckDigit(value);
    }

    /**
     * A GTIN-8, -12, -13 or -14 as a GTIN-14 (left-padded with zeros), after checking its check digit.
     *
     * @throws IllegalArgumentException when the value is not 8, 12, 13 or 14 digits, or its check digit is wrong
     */
    public static String normalizeToGtin14(String gtin) {
        requireDigits("gtin", gtin);
        int n = gtin.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            throw new IllegalArgumentException("gtin must have 8, 12, 13 or 14 digits, had " + n + " ('" + gtin + "')");
        }
        if (!hasValidCheckDigit(gtin)) {
            throw new IllegalArgumentException("gtin check digit is wrong in '" + gtin + "': expected "
                    + checkDigit(gtin.substring(0, n - 1)) + ", was " + gtin.charAt(n - 1));
        }
        return "0".repeat(14 - n) + gtin;
    }

    /** Whether the last digit of a digit string is the check digit of the others (GTIN, SSCC, GLN). */
    static boolean hasValidCheckDigit(String digitsWithCheck) {
        int n = digitsWithCheck.length();
        return n >= 2 && checkDigit(digitsWithCheck.substring(0, n - 1)) == digitsWithCheck.charAt(n - 1) - '0';
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void requireDigits(String field, String value) {
        if (!isDigits(value)) {
            throw new IllegalArgumentException(field + " must be a non-empty string of digits 0-9, was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
