package io.stocksense.cloud.catalog.domain;

import java.math.BigDecimal;

/** Normal forms for decimals, so values read back from NUMERIC columns compare equal to parsed ones. */
public final class Decimals {

    private Decimals() {
    }

    /** Without trailing zeros and never in exponent form ({@code 100}, not {@code 1E+2}); null stays null. */
    public static BigDecimal quantity(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Like {@link #quantity} but with at least two decimals, as money is usually written. */
    public static BigDecimal money(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = quantity(v);
        return s.scale() < 2 ? s.setScale(2) : s;
    }
}
