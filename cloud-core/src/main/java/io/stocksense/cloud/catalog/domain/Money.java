package io.stocksense.cloud.catalog.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in an ISO 4217 currency. The amount is normalised (trailing zeros removed, at least
 * two decimals) so that {@code 12.5}, {@code 12.50} and {@code 12.5000} are the same value.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = Decimals.money(amount);
    }
}
