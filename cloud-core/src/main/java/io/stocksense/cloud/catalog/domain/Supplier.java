package io.stocksense.cloud.catalog.domain;

/** A supplier; {@code leadTimeDays} from order to receipt; {@code rating} 1 (poor) to 5 (excellent). */
public record Supplier(String code, String name, String contact, String phone, String email, String address,
                       Integer leadTimeDays, Integer rating, boolean active) {

    public static final java.util.List<String> FIELDS = java.util.List.of("code", "name", "contact", "phone", "email",
            "address", "leadTimeDays", "rating", "active");

    public static Validated<Supplier> read(FieldSource in) {
        FieldReader r = new FieldReader(in);
        Supplier s = new Supplier(r.code("code"), r.required("name"), r.optional("contact"), r.optional("phone"),
                r.email("email"), r.optional("address"), r.integer("leadTimeDays", 0, 3650), r.integer("rating", 1, 5),
                r.flag("active", true));
        return new Validated<>(r.errors().isEmpty() ? s : null, r.errors());
    }
}
