package io.stocksense.cloud.catalog.api;

import io.stocksense.cloud.catalog.domain.Customer;

/** A customer in {@code /api/v1/customers}; the property names are also the accepted input fields. */
public record CustomerView(String code, String name, String contact, String phone, String email, String address,
                           MoneyView creditLimit, Integer rating, boolean active) {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.code(), c.name(), c.contact(), c.phone(), c.email(), c.address(),
                MoneyView.of(c.creditLimit()), c.rating(), c.active());
    }
}
