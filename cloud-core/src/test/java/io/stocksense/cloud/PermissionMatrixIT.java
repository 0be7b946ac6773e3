package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.auth.domain.Permissions;
import io.stocksense.cloud.auth.domain.Role;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the running server's route table: every API route × every role, asserting 403 (naming
 * the missing permission) exactly where {@link Permissions} denies it, and neither 401 nor 403 where it
 * allows it. Routes added later are covered without touching this test.
 */
class PermissionMatrixIT extends CloudITSupport {

    private static final String PASSWORD = "matrix-password-0123456789";

    @Test
    void everyRouteTimesEveryRoleIsAllowedOrForbiddenAsThePermissionTableSays() {
        Map<String, String> routes = core.routePermissions();
        assertThat(routes).as("the route table").hasSizeGreaterThan(50);
        Map<Role, String> tokens = tokens();
        // Revoking ends the caller's own token, so that route goes last.
        List<String> order = new ArrayList<>(routes.keySet());
        order.sort(Comparator.comparing((String r) -> routes.get(r).equals("account:delete")).thenComparing(r -> r));

        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        int forbidden = 0;
        for (Role role : Role.values()) {
            for (String route : order) {
                String permission = routes.get(route);
                boolean expected = Permissions.allows(Set.of(role), permission);
                String method = route.substring(0, route.indexOf(' '));
                String path = concrete(route.substring(route.indexOf(' ') + 1));
                Answer a = send(method, path, tokens.get(role));
                if (expected) {
                    allowed++;
                    if (a.status == 403 || a.status == 401) {
                        wrong.add(role.id() + " " + method + " " + path + ": expected allowed (" + permission + "), got " + a);
                    }
                } else {
                    forbidden++;
                    String named = a.status == 403 ? json(a.body).path("missingPermission").asText() : null;
                    if (a.status != 403 || !permission.equals(named)) {
                        wrong.add(role.id() + " " + method + " " + path + ": expected 403 naming " + permission + ", got " + a);
                    }
                }
            }
        }
        System.out.printf("permission matrix: %d routes x %d roles = %d requests, %d allowed, %d forbidden, %d wrong%n",
                routes.size(), Role.values().length, allowed + forbidden, allowed, forbidden, wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(forbidden).isPositive();
    }

    @Test
    void everyRouteIsInTheOpenApiDocument() {
        JsonNode paths = RestClient.json(rest.get("/api/v1/openapi.json", null)).get("paths");
        Set<String> documented = new HashSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
                documented.add(m.toUpperCase() + " " + p.getKey().replaceAll("\\{[^}]+}", "{}"))));
        List<String> missing = core.routePermissions().keySet().stream()
                .map(r -> r.replaceAll(":[A-Za-z]+", "{}")).filter(r -> !documented.contains(r)).sorted().toList();
        assertThat(missing).as("routes missing from the OpenAPI document").isEmpty();
    }

    /** One user per role (admin is the bootstrap user), each with a token. */
    private static Map<Role, String> tokens() {
        String admin = adminToken();
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                tokens.put(role, admin);
                continue;
            }
            String user = "matrix-" + role.id();
            String body = Json.MAPPER.createObjectNode().put("username", user).put("password", PASSWORD)
                    .set("roles", Json.MAPPER.createArrayNode().add(role.id())).toString();
            HttpResponse<String> r = rest.request("POST", "/api/v1/users", admin, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            tokens.put(role, rest.token(user, PASSWORD));
        }
        return tokens;
    }

    /** Path parameters filled with values that name nothing: a permitted call then fails on 404 or 400, never 403. */
    private static String concrete(String path) {
        return path.replace(":id", "999999").replaceAll(":[A-Za-z]+", "no-such-key");
    }

    private record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    /** Reads the whole body, except for an event stream, of which only the status matters. */
    private static Answer send(String method, String path, String token) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        HttpRequest req = HttpRequest.newBuilder(URI.create(rest.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<InputStream> r = rest.client().sendAsync(req, HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, TimeUnit.SECONDS);
            try (InputStream in = r.body()) {
                boolean stream = r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                return new Answer(r.statusCode(), stream ? "(event stream)" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " did not answer", e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
