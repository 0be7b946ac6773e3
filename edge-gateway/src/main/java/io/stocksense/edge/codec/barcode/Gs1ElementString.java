package io.stocksense.edge.codec.barcode;

import io.stocksense.protocol.epc.Gtin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Parses a GS1 element string (the data of a GS1-128, GS1 DataMatrix or QR symbol) into the fields a
 * warehouse needs. Pure.
 *
 * <p>An element string is a run of AI + data. Fixed-length AIs need no separator; a variable-length
 * field ends at FNC1, which scanners transmit as GS (0x1D), or at the end of the data. Understood:
 * (01) GTIN, 14 digits, check digit verified; (10) lot, up to 20 characters; (17) expiry YYMMDD;
 * (21) serial, up to 20 characters. Also skipped without being kept, because they are common on the
 * same labels and fixed-length: (00) SSCC, (02) contained GTIN, (11)(12)(13)(15)(16) dates, (20)
 * variant. Any other AI stops the parse with an error naming it, since its length is unknown here.
 */
final class Gs1ElementString {

    static final char GS = '\u001d';
    private static final int MAX_VARIABLE = 20;

    /** The fields found, or the reason the string could not be read. */
    record Fields(String gtin14, String lot, LocalDate expiry, String serial, String error) {
        static Fields error(String why) {
            return new Fields(null, null, null, null, why);
        }
    }

    private Gs1ElementString() {
    }

    /** The fields kept while parsing. */
    private static final class Kept {
        String gtin;
        String lot;
        LocalDate expiry;
        String serial;
    }

    /** @param scanYear the year of the scan, for the GS1 century rule of YYMMDD dates */
    static Fields parse(String data, int scanYear) {
        Kept kept = new Kept();
        int i = 0;
        while (i < data.length()) {
            if (data.charAt(i) == GS) {
                i++;
                continue;
            }
            if (i + 2 > data.length()) {
                return Fields.error("element string ends inside an AI at position " + i);
            }
            String ai = data.substring(i, i + 2);
            int fixed = fixedLength(ai);
            if (fixed < 0) {
                return Fields.error("unsupported AI (" + ai + ") at position " + i);
            }
            i += 2;
            int end = fixed > 0 ? i + fixed : variableEnd(data, i);
            if (end > data.length()) {
                return Fields.error("AI (" + ai + ") needs " + fixed + " characters, only " + (data.length() - i) + " left");
            }
            String error = keep(ai, fixed, data.substring(i, end), kept, scanYear);
            if (error != null) {
                return Fields.error(error);
            }
            i = end;
        }
        if (kept.gtin == null) {
            return Fields.error("no GTIN, AI (01), in the element string");
        }
        return new Fields(kept.gtin, kept.lot, kept.expiry, kept.serial, null);
    }

    /** Checks one field and keeps it if it is one we report; returns why it is bad, or null. */
    private static String keep(String ai, int fixed, String value, Kept kept, int scanYear) {
        if (fixed == 0 && (value.isEmpty() || value.length() > MAX_VARIABLE)) {
            return "AI (" + ai + ") must have 1 to " + MAX_VARIABLE + " characters, had " + value.length();
        }
        if (fixed > 0 && !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "AI (" + ai + ") must be " + fixed + " digits, was '" + value + "'";
        }
        switch (ai) {
            case "01":
                if (!Gtin.isValidGtin14(value)) {
                    return "AI (01) GTIN " + value + " has a wrong check digit";
                }
                kept.gtin = value;
                return null;
            case "10":
                kept.lot = value;
                return null;
            case "17":
                kept.expiry = date(value, scanYear);
                return kept.expiry == null ? "AI (17) expiry " + value + " is not a date YYMMDD" : null;
            case "21":
                kept.serial = value;
                return null;
            default:
                return null;
        }
    }

    /** Data length of a fixed-length AI, 0 for a variable one we keep, -1 for an unknown AI. */
    private static int fixedLength(String ai) {
        switch (ai) {
            case "00":
                return 18;
            case "01":
            case "02":
                return 14;
            case "11":
            case "12":
            case "13":
            case "15":
            case "16":
            case "17":
                return 6;
            case "20":
                return 2;
            case "10":
            case "21":
                return 0;
            default:
                return -1;
        }
    }

    private static int variableEnd(String data, int from) {
        int gs = data.indexOf(GS, from);
        return gs < 0 ? data.length() : gs;
    }

    /**
     * YYMMDD with the GS1 century rule (General Specifications 7.12): the year is the one within
     * −49…+50 years of the scan year. Day 00 means the last day of the month.
     */
    static LocalDate date(String yymmdd, int scanYear) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        int diff = yy - scanYear % 100;
        int century = scanYear / 100 * 100;
        if (diff >= 51) {
            century -= 100;
        } else if (diff <= -50) {
            century += 100;
        }
        try {
            YearMonth ym = YearMonth.of(century + yy, month);
            return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
