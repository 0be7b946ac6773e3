package io.stocksense.cloud.catalog.api;

import io.stocksense.cloud.catalog.domain.Money;

/** Money on the wire: the amount as a decimal string ({@code "12.50"}), never a float, and its currency. */
public record MoneyView(String amount, String currency) {

    public static MoneyView of(Money m) {
        return m == null ? null : new MoneyView(m.amount().toPlainString(), m.currency());
    }
}
