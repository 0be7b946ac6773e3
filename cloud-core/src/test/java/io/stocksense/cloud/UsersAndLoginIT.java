package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Users and their roles and warehouse scope, login lockout, password change and token revocation over HTTP. */
class UsersAndLoginIT extends CloudITSupport {

    static final String PASSWORD = "users-it-password-0123";
    static String admin;

    @BeforeAll
    static void setUp() {
        admin = adminToken();
        HttpResponse<String> wh = rest.request("POST", "/api/v1/warehouses", admin, "{\"code\":\"WH2\",\"name\":\"Second\"}");
        assertThat(wh.statusCode()).as(wh.body()).isEqualTo(201);
        HttpResponse<String> loc = rest.request("POST", "/api/v1/locations", admin,
                "{\"warehouse\":\"WH2\",\"code\":\"B-1\",\"kind\":\"bin\"}");
        assertThat(loc.statusCode()).as(loc.body()).isEqualTo(201);
        new InventoryFixtures(rest, admin).stock("TAPE-50", "WH1", "SHELF-A4", "5");
        new InventoryFixtures(rest, admin).stock("TAPE-50", "WH2", "B-1", "3");
    }

    @Test
    void usersAreCreatedListedChangedAndDeleted() {
        HttpResponse<String> created = createUser("clerk", "supervisor", "WH1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/clerk");
        JsonNode user = RestClient.json(created);
        assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("supervisor");
        assertThat(user.get("warehouses")).extracting(JsonNode::asText).containsExactly("WH1");
        assertThat(user.has("password")).isFalse();
        assertThat(rest.getJson("/api/v1/users", admin)).extracting(u -> u.get("username").asText()).contains("admin", "clerk");

        HttpResponse<String> patched = rest.request("PATCH", "/api/v1/users/clerk", admin, "{\"roles\":[\"auditor\",\"sales\"]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(RestClient.json(patched).get("roles")).extracting(JsonNode::asText).containsExactly("sales", "auditor");
        String clerk = rest.token("clerk", PASSWORD);
        assertThat(rest.getJson("/api/v1/auth/me", clerk).get("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("sales", "auditor");

        assertThat(rest.request("DELETE", "/api/v1/users/clerk", admin, null).statusCode()).isEqualTo(204);
        assertThat(rest.get("/api/v1/auth/me", clerk).statusCode()).as("a deleted user's token").isEqualTo(401);
        assertThat(rest.get("/api/v1/users/clerk", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        assertProblem(createUser("x1", "wizard", null), 400, "unknown role 'wizard'");
        assertProblem(rest.request("POST", "/api/v1/users", admin, "{\"username\":\"x2\",\"password\":\"short\",\"roles\":[\"sales\"]}"),
                400, "password must have at least 12");
        assertProblem(createUser("x3", "sales", "NOWHERE"), 400, "NOWHERE");
        assertProblem(rest.request("POST", "/api/v1/users", admin, "{\"username\":\"x4\",\"password\":\"" + PASSWORD + "\",\"roles\":[]}"),
                400, "roles");
        assertThat(createUser("dup", "sales", null).statusCode()).isEqualTo(201);
        assertProblem(createUser("dup", "sales", null), 409, "exists");
        assertProblem(rest.request("DELETE", "/api/v1/users/admin", admin, null), 409, "last user with the admin role");
        assertProblem(rest.request("PATCH", "/api/v1/users/admin", admin, "{\"roles\":[\"sales\"]}"), 409, "admin role");
    }

    @Test
    void aUserWithoutThePermissionGets403NamingIt() {
        createUser("seller", "sales", null);
        String seller = rest.token("seller", PASSWORD);
        assertThat(rest.get("/api/v1/stock", seller).statusCode()).isEqualTo(200);
        HttpResponse<String> r = new InventoryFixtures(rest, seller).adjust("TAPE-50", "WH1", "SHELF-A4", "1", "x");
        assertProblem(r, 403, "adjustments:create");
        assertThat(RestClient.json(r).get("missingPermission").asText()).isEqualTo("adjustments:create");
        assertProblem(rest.get("/api/v1/users", seller), 403, "users:view");
    }

    @Test
    void aUserLimitedToOneWarehouseSeesAndChangesOnlyItsStock() {
        createUser("wh2-lead", "supervisor", "WH2");
        String lead = rest.token("wh2-lead", PASSWORD);
        assertThat(rest.getJson("/api/v1/stock?sku=TAPE-50", admin)).extracting(l -> l.get("warehouse").asText()).contains("WH1", "WH2");
        assertThat(rest.getJson("/api/v1/stock?sku=TAPE-50", lead)).extracting(l -> l.get("warehouse").asText()).containsOnly("WH2");
        assertThat(rest.getJson("/api/v1/movements?sku=TAPE-50", lead)).extracting(l -> l.get("warehouse").asText()).containsOnly("WH2");
        assertProblem(rest.get("/api/v1/stock?warehouse=WH1", lead), 403, "WH1");
        InventoryFixtures asLead = new InventoryFixtures(rest, lead);
        assertProblem(asLead.adjust("TAPE-50", "WH1", "SHELF-A4", "1", "x"), 403, "WH1");
        assertProblem(asLead.transfer("TAPE-50", "1", "WH2", "B-1", "WH1", "SHELF-A4"), 403, "WH1");
        assertThat(asLead.adjust("TAPE-50", "WH2", "B-1", "1", "found one").statusCode()).isEqualTo(201);
    }

    @Test
    void tenFailedLoginsLockTheUserEvenForTheRightPassword() {
        createUser("target", "cashier", null);
        for (int i = 1; i <= 10; i++) {
            assertThat(rest.postToken("target", "wrong-password-" + i).statusCode()).as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> locked = rest.postToken("target", PASSWORD);
        assertProblem(locked, 429, "cooling-off");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        // another user is not affected
        createUser("bystander", "cashier", null);
        assertThat(rest.postToken("bystander", PASSWORD).statusCode()).isEqualTo(200);
        // the attempts are in the audit log
        JsonNode logins = rest.getJson("/api/v1/audit?resource=auth&user=target&size=20", admin);
        assertThat(logins).hasSize(11);
        assertThat(logins.get(0).get("status").asInt()).isEqualTo(429);
        assertThat(logins.get(0).get("after").get("outcome").asText()).isEqualTo("locked");
        assertThat(logins.get(1).get("after").get("outcome").asText()).isEqualTo("wrong-credentials, now locked");
        assertThat(logins.get(0).get("ip").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void tokensAreRevokedAndPasswordsChanged() {
        createUser("rotator", "finance", null);
        String first = rest.token("rotator", PASSWORD);
        String second = rest.token("rotator", PASSWORD);
        assertThat(rest.request("POST", "/api/v1/auth/revoke", first, null).statusCode()).isEqualTo(204);
        assertThat(rest.get("/api/v1/auth/me", first).statusCode()).isEqualTo(401);
        assertThat(rest.get("/api/v1/auth/me", second).statusCode()).isEqualTo(200);

        String newPassword = "rotated-password-98765";
        assertProblem(rest.request("POST", "/api/v1/auth/password", second,
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"" + newPassword + "\"}"), 403, "currentPassword");
        assertThat(rest.request("POST", "/api/v1/auth/password", second,
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}").statusCode()).isEqualTo(204);
        assertThat(rest.get("/api/v1/auth/me", second).statusCode()).as("tokens end with the password").isEqualTo(401);
        assertThat(rest.postToken("rotator", PASSWORD).statusCode()).isEqualTo(401);
        String third = rest.token("rotator", newPassword);

        assertThat(rest.request("PUT", "/api/v1/users/rotator/password", admin, "{\"password\":\"reset-by-admin-4242\"}")
                .statusCode()).isEqualTo(204);
        assertThat(rest.get("/api/v1/auth/me", third).statusCode()).isEqualTo(401);
        assertThat(rest.postToken("rotator", "reset-by-admin-4242").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> createUser(String name, String role, String warehouse) {
        ObjectNode b = Json.MAPPER.createObjectNode().put("username", name).put("password", PASSWORD);
        b.putArray("roles").add(role);
        if (warehouse != null) {
            b.putArray("warehouses").add(warehouse);
        }
        return rest.request("POST", "/api/v1/users", admin, b.toString());
    }

    static void assertProblem(HttpResponse<String> r, int status, String detailPart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RestClient.json(r).get("detail").asText()).contains(detailPart);
    }
}
