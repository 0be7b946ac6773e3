package io.stocksense.cloud.auth.api;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never its password hash. {@code warehouses} empty means every warehouse. */
public record UserView(String username, List<String> roles, List<String> warehouses, Instant createdAt, Instant updatedAt) {
}
