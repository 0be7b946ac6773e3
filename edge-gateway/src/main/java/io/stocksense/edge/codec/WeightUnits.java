package io.stocksense.edge.codec;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Weight units as scales print them, converted to grams exactly. Every factor is an exact decimal by
 * definition (the international pound is 453.59237 g since 1959, the avoirdupois ounce 1/16 of it,
 * the troy ounce 31.1034768 g), so a BigDecimal multiplication loses nothing. Pure.
 */
public final class WeightUnits {

    private static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of(
            "mg", new BigDecimal("0.001"),
            "g", BigDecimal.ONE,
            "kg", new BigDecimal("1000"),
            "t", new BigDecimal("1000000"),
            "lb", new BigDecimal("453.59237"),
            "oz", new BigDecimal("28.349523125"),
            "ozt", new BigDecimal("31.1034768"),
            "dwt", new BigDecimal("1.55517384"),
            "ton", new BigDecimal("1016046.9088"));

    private WeightUnits() {
    }

    /** The value in grams, or null when the unit is not one of {@link #known()} (case-insensitive). */
    public static BigDecimal toGrams(BigDecimal value, String unit) {
        BigDecimal factor = unit == null ? null : GRAMS_PER_UNIT.get(unit.trim().toLowerCase(Locale.ROOT));
        return factor == null ? null : value.multiply(factor);
    }

    /** The unit symbols understood, for rejection messages. */
    public static String known() {
        return "g, kg, mg, t, lb, oz, ozt, dwt, ton";
    }
}
