package io.stocksense.cloud.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money arithmetic of the business documents: amounts are rounded to cents half-up at the line
 * (net, VAT, cost of goods), and documents add rounded lines, so every total is exact in decimal and
 * can be recomputed by hand.
 */
public final class Amounts {

    public static final int CENTS = 2;

    private Amounts() {
    }

    public static BigDecimal cents(BigDecimal v) {
        return v.setScale(CENTS, RoundingMode.HALF_UP);
    }

    /** {@code quantity × price × (1 − discountPct / 100)}, rounded to cents. */
    public static BigDecimal net(BigDecimal quantity, BigDecimal price, BigDecimal discountPct) {
        BigDecimal gross = quantity.multiply(price);
        if (discountPct != null && discountPct.signum() != 0) {
            gross = gross.multiply(BigDecimal.valueOf(100).subtract(discountPct)).divide(BigDecimal.valueOf(100));
        }
        return cents(gross);
    }

    /** VAT on a net amount at {@code rate} (0.20 for 20%), rounded to cents. */
    public static BigDecimal vat(BigDecimal net, BigDecimal rate) {
        return cents(net.multiply(rate));
    }

    /** The VAT contained in a gross (VAT-inclusive) amount at {@code rate}: {@code gross × rate / (1 + rate)}, rounded to cents. */
    public static BigDecimal vatIncluded(BigDecimal gross, BigDecimal rate) {
        return cents(gross.multiply(rate).divide(BigDecimal.ONE.add(rate), 20, RoundingMode.HALF_UP));
    }

    /** The plain form of a quantity: {@code 12} rather than {@code 12.000}. */
    public static BigDecimal plain(BigDecimal q) {
        if (q == null) {
            return null;
        }
        BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
