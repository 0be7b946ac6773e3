package io.stocksense.cloud.catalog.domain;

/** A customer; {@code rating} 1 (poor) to 5 (excellent); {@code creditLimit} null means no limit set. */
public record Customer(String code, String name, String contact, String phone, String email, String address,
                       Money creditLimit, Integer rating, boolean active) {

    public static final java.util.List<String> FIELDS = java.util.List.of("code", "name", "contact", "phone", "email",
            "address", "creditLimit", "rating", "active");

    public static Validated<Customer> read(FieldSource in) {
        FieldReader r = new FieldReader(in);
        Customer c = new Customer(r.code("code"), r.required("name"), r.optional("contact"), r.optional("phone"),
                r.email("email"), r.optional("address"), r.money("creditLimit"), r.integer("rating", 1, 5),
                r.flag("active", true));
        return new Validated<>(r.errors().isEmpty() ? c : null, r.errors());
    }
}
