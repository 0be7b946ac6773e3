package io.stocksense.cloud.catalog.domain;

import io.stocksense.protocol.epc.Gtin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values from a {@link FieldSource} and collects every problem instead of stopping at the
 * first, so one answer lists all fields to fix. Each method returns null for a missing or bad value.
 */
public final class FieldReader {

    /** Keys used in URLs: no slash, no spaces, at most 64 characters. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int TEXT_MAX = 500;

    private final FieldSource source;
    private final List<FieldError> errors = new ArrayList<>();

    public FieldReader(FieldSource source) {
        this.source = source;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A key (SKU, customer code, ...): required, letters, digits, '.', '_' or '-', at most 64. */
    public String code(String field) {
        String v = source.text(field);
        if (v == null) {
            fail(field, "is required");
        } else if (!CODE.matcher(v).matches()) {
            fail(field, "must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, was '" + v + "'");
            return null;
        }
        return v;
    }

    public String required(String field) {
        String v = optional(field);
        if (v == null && source.text(field) == null) {
            fail(field, "is required");
        }
        return v;
    }

    public String optional(String field) {
        String v = source.text(field);
        if (v != null && v.length() > TEXT_MAX) {
            fail(field, "must be at most " + TEXT_MAX + " characters, had " + v.length());
            return null;
        }
        return v;
    }

    /** A decimal number, zero or more, with at most 3 decimals (the scale of quantity columns). */
    public BigDecimal nonNegative(String field) {
        return nonNegative(field, 3);
    }

    private BigDecimal nonNegative(String field, int maxScale) {
        String v = source.text(field);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                fail(field, "must be zero or more, was " + v);
                return null;
            }
            BigDecimal q = Decimals.quantity(d);
            if (q.scale() > maxScale) {
                fail(field, "must have at most " + maxScale + " decimals, was " + v);
                return null;
            }
            return q;
        } catch (NumberFormatException e) {
            fail(field, "must be a decimal number such as 12.5, was '" + v + "'");
            return null;
        }
    }

    public Integer integer(String field, int min, int max) {
        String v = source.text(field);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range value
        }
        fail(field, "must be a whole number from " + min + " to " + max + ", was '" + v + "'");
        return null;
    }

    public boolean flag(String field, boolean dflt) {
        String v = source.text(field);
        if (v == null) {
            return dflt;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1":
                return true;
            case "false": case "no": case "0":
                return false;
            default:
                fail(field, "must be true or false, was '" + v + "'");
                return dflt;
        }
    }

    /** {@code field.amount} (decimal, zero or more) with {@code field.currency} (ISO 4217), or null. */
    public Money money(String field) {
        String amountField = field + ".amount";
        String currencyField = field + ".currency";
        BigDecimal amount = nonNegative(amountField, 4);
        String currency = source.text(currencyField);
        if (amount == null) {
            if (currency != null && source.text(amountField) == null) {
                fail(amountField, "is required when a currency is given");
            }
            return null;
        }
        if (currency == null) {
            fail(currencyField, "is required with an amount: an ISO 4217 code such as EUR");
            return null;
        }
        String upper = currency.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
            return new Money(amount, upper);
        } catch (IllegalArgumentException e) {
            fail(currencyField, "must be an ISO 4217 currency code such as EUR or USD, was '" + currency + "'");
            return null;
        }
    }

    /** A GTIN-8/12/13/14 with a correct check digit, normalised to GTIN-14; or null. */
    public String gtin(String field) {
        String v = source.text(field);
        if (v == null) {
            return null;
        }
        String problem = gtinProblem(v);
        if (problem != null) {
            fail(field, problem);
            return null;
        }
        return Gtin.normalizeToGtin14(v);
    }

    /** Why a GTIN is invalid ("check digit should be 3"), or null when it is valid. */
    public static String gtinProblem(String v) {
        int n = v.length();
        if (!v.chars().allMatch(c -> c >= '0' && c <= '9') || (n != 8 && n != 12 && n != 13 && n != 14)) {
            return "must be a GTIN of 8, 12, 13 or 14 digits, was '" + v + "'";
        }
        int expected = Gtin.checkDigit(v.substring(0, n - 1));
        if (expected != v.charAt(n - 1) - '0') {
            return "check digit should be " + expected + ", was " + v.charAt(n - 1) + " in '" + v + "'";
        }
        return null;
    }

    /** Barcodes: digit-only codes of GTIN length must be valid GTINs; others (Code 128 labels) are free text. */
    public List<String> barcodes(String field) {
        List<String> out = new ArrayList<>();
        for (String b : source.list(field)) {
            boolean gtinLike = b.chars().allMatch(c -> c >= '0' && c <= '9') && Set.of(8, 12, 13, 14).contains(b.length());
            String problem = gtinLike ? gtinProblem(b) : (b.length() > 64 ? "must be at most 64 characters" : null);
            if (problem != null) {
                fail(field, problem);
            } else if (!out.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    public String email(String field) {
        String v = optional(field);
        if (v != null && !EMAIL.matcher(v).matches()) {
            fail(field, "must be an e-mail address such as buyer@example.com, was '" + v + "'");
            return null;
        }
        return v;
    }

    /** One of the allowed values (compared case-insensitively, returned in the allowed spelling), or null. */
    public String oneOf(String field, List<String> allowed) {
        String v = source.text(field);
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        fail(field, "must be one of " + String.join(", ", allowed) + ", was '" + v + "'");
        return null;
    }
}
