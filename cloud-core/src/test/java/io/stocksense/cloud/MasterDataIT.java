package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Master data over HTTP: CRUD, field problems, 404/409, search and paging, the location tree, devices. */
class MasterDataIT extends CloudITSupport {

    static String token;

    @BeforeAll
    static void login() {
        token = adminToken();
    }

    @Test
    void minimalProductIsCreatedReadEditedAndDeleted() {
        HttpResponse<String> created = rest.request("POST", "/api/v1/products", token, "{\"sku\":\"MIN-1\",\"name\":\"Minimal\",\"unit\":\"EA\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/products/MIN-1");
        assertThat(RestClient.json(created).get("active").asBoolean()).isTrue();

        assertProblem(rest.request("POST", "/api/v1/products", token, "{\"sku\":\"MIN-1\",\"name\":\"Again\",\"unit\":\"EA\"}"), 409);

        HttpResponse<String> patched = rest.request("PATCH", "/api/v1/products/MIN-1", token,
                "{\"salePrice\":{\"amount\":\"12.5\",\"currency\":\"EUR\"},\"gtin\":\"4012345300017\",\"trackLot\":true}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode p = rest.getJson("/api/v1/products/MIN-1", token);
        assertThat(p.get("name").asText()).isEqualTo("Minimal");
        assertThat(p.get("salePrice").get("amount").asText()).isEqualTo("12.50");
        assertThat(p.get("salePrice").get("currency").asText()).isEqualTo("EUR");
        assertThat(p.get("gtin").asText()).isEqualTo("04012345300017");
        assertThat(p.get("trackLot").asBoolean()).isTrue();

        HttpResponse<String> put = rest.request("PUT", "/api/v1/products/MIN-1", token, "{\"name\":\"Replaced\",\"unit\":\"CS\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode replaced = rest.getJson("/api/v1/products/MIN-1", token);
        assertThat(replaced.get("unit").asText()).isEqualTo("CS");
        assertThat(replaced.get("salePrice").isNull()).isTrue();

        assertThat(rest.request("DELETE", "/api/v1/products/MIN-1", token, null).statusCode()).isEqualTo(204);
        assertProblem(rest.get("/api/v1/products/MIN-1", token), 404);
        assertProblem(rest.request("PUT", "/api/v1/products/NOPE", token, "{\"name\":\"x\",\"unit\":\"EA\"}"), 404);
        assertProblem(rest.request("DELETE", "/api/v1/products/NOPE", token, null), 404);
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        HttpResponse<String> r = rest.request("POST", "/api/v1/products", token,
                "{\"sku\":\"BAD-1\",\"unit\":\"EA\",\"gtin\":\"4012345300014\",\"purchasePrice\":{\"amount\":\"-3\",\"currency\":\"EUR\"}}");
        assertProblem(r, 400);
        JsonNode problem = RestClient.json(r);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("name", "gtin", "purchasePrice.amount");
        assertThat(problem.get("detail").asText()).contains("gtin: check digit should be 7");

        JsonNode unknown = RestClient.json(rest.request("POST", "/api/v1/products", token, "{\"sku\":\"X\",\"colour\":\"red\"}"));
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("colour");
        assertProblem(rest.request("POST", "/api/v1/products", token, "[1,2]"), 400);
        assertProblem(rest.request("POST", "/api/v1/products", token, "{broken"), 400);
        assertProblem(rest.request("PUT", "/api/v1/products/BOLT-M8", token, "{\"sku\":\"OTHER\",\"name\":\"x\",\"unit\":\"EA\"}"), 400);
        assertProblem(rest.get("/api/v1/products?size=0", token), 400);
    }

    @Test
    void productWithLedgerRowsIsNotDeleted() throws Exception {
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(io.stocksense.protocol.Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                    TestGateway.movement(io.stocksense.protocol.event.MovementType.SHELF_PLACEMENT, "SHELF-A4", "NUT-M8", "3", "EA")));
            assertThat(gw.awaitAck(seq).accepted()).isEqualTo(1);
        }
        assertProblem(rest.request("DELETE", "/api/v1/products/NUT-M8", token, null), 409);
        assertThat(rest.request("PATCH", "/api/v1/products/NUT-M8", token, "{\"active\":false}").statusCode()).isEqualTo(200);
        assertThat(rest.getJson("/api/v1/products?active=false", token)).extracting(n -> n.get("sku").asText()).contains("NUT-M8");
        assertThat(rest.getJson("/api/v1/products?active=true", token)).extracting(n -> n.get("sku").asText()).doesNotContain("NUT-M8");
    }

    @Test
    void searchAndPaging() {
        for (int i = 1; i <= 7; i++) {
            String body = String.format("{\"sku\":\"PAGE-%02d\",\"name\":\"Paging widget %d\",\"unit\":\"EA\",\"category\":\"widgets\"}", i, i);
            assertThat(rest.request("POST", "/api/v1/products", token, body).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> first = rest.get("/api/v1/products?q=paging+WIDGET&size=3", token);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("7");
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("page=2"));
        assertThat(RestClient.json(first)).extracting(n -> n.get("sku").asText()).containsExactly("PAGE-01", "PAGE-02", "PAGE-03");
        HttpResponse<String> last = rest.get("/api/v1/products?q=widget&size=3&page=3", token);
        assertThat(RestClient.json(last)).extracting(n -> n.get("sku").asText()).containsExactly("PAGE-07");
        assertThat(last.headers().firstValue("Link")).isEmpty();
        assertThat(rest.getJson("/api/v1/products?q=04012345300017", token)).extracting(n -> n.get("sku").asText()).containsExactly("BOLT-M8");
        assertThat(rest.getJson("/api/v1/products?q=100%25", token)).isEmpty();
        assertThat(rest.getJson("/api/v1/products", token).isArray()).isTrue();
    }

    @Test
    void customersAndSuppliers() {
        HttpResponse<String> c = rest.request("POST", "/api/v1/customers", token, "{\"code\":\"CUST-1\",\"name\":\"Corner Pharmacy\","
                + "\"email\":\"orders@corner.example\",\"creditLimit\":{\"amount\":5000,\"currency\":\"EUR\"},\"rating\":4}");
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        assertThat(RestClient.json(c).get("creditLimit").get("amount").asText()).isEqualTo("5000.00");
        assertProblem(rest.request("POST", "/api/v1/customers", token, "{\"code\":\"CUST-1\",\"name\":\"Dup\"}"), 409);
        JsonNode bad = RestClient.json(rest.request("POST", "/api/v1/customers", token, "{\"code\":\"CUST-2\",\"name\":\"X\",\"rating\":9}"));
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("rating");
        assertThat(rest.getJson("/api/v1/customers?q=corner", token)).singleElement()
                .satisfies(n -> assertThat(n.get("code").asText()).isEqualTo("CUST-1"));

        HttpResponse<String> s = rest.request("POST", "/api/v1/suppliers", token,
                "{\"code\":\"SUP-1\",\"name\":\"Bolt Works\",\"contact\":\"Ann\",\"leadTimeDays\":14,\"rating\":5}");
        assertThat(s.statusCode()).as(s.body()).isEqualTo(201);
        assertThat(rest.request("PATCH", "/api/v1/suppliers/SUP-1", token, "{\"leadTimeDays\":10}").statusCode()).isEqualTo(200);
        assertThat(rest.getJson("/api/v1/suppliers/SUP-1", token).get("leadTimeDays").asInt()).isEqualTo(10);
        assertThat(rest.getJson("/api/v1/suppliers?q=bolt", token)).hasSize(1);
        assertThat(rest.request("DELETE", "/api/v1/suppliers/SUP-1", token, null).statusCode()).isEqualTo(204);
        assertProblem(rest.get("/api/v1/suppliers/SUP-1", token), 404);
    }

    @Test
    void locationTree() {
        HttpResponse<String> wh = rest.request("POST", "/api/v1/warehouses", token, "{\"code\":\"WH9\",\"name\":\"Overflow\",\"address\":\"Dock road 1\"}");
        assertThat(wh.statusCode()).as(wh.body()).isEqualTo(201);
        post("/api/v1/locations", "{\"warehouse\":\"WH9\",\"code\":\"Z1\",\"kind\":\"zone\"}", 201);
        post("/api/v1/locations", "{\"warehouse\":\"WH9\",\"code\":\"Z1-A1\",\"kind\":\"aisle\",\"parent\":\"Z1\"}", 201);
        HttpResponse<String> bin = post("/api/v1/locations", "{\"warehouse\":\"WH9\",\"code\":\"Z1-A1-B1\",\"kind\":\"bin\",\"parent\":\"Z1-A1\",\"capacity\":40}", 201);
        assertThat(bin.headers().firstValue("Location")).hasValue("/api/v1/locations/WH9/Z1-A1-B1");
        post("/api/v1/locations", "{\"warehouse\":\"WH9\",\"code\":\"Z1\",\"kind\":\"zone\"}", 409);
        assertThat(RestClient.json(post("/api/v1/locations", "{\"warehouse\":\"WH9\",\"code\":\"X\",\"parent\":\"NOPE\"}", 400))
                .get("errors").get(0).get("field").asText()).isEqualTo("parent");
        assertThat(RestClient.json(post("/api/v1/locations", "{\"warehouse\":\"WH9\",\"code\":\"X\",\"kind\":\"cupboard\"}", 400))
                .get("errors").get(0).get("field").asText()).isEqualTo("kind");
        assertThat(RestClient.json(post("/api/v1/locations", "{\"warehouse\":\"NOWH\",\"code\":\"X\"}", 400))
                .get("errors").get(0).get("field").asText()).isEqualTo("warehouse");

        HttpResponse<String> cycle = rest.request("PATCH", "/api/v1/locations/WH9/Z1", token, "{\"parent\":\"Z1-A1-B1\"}");
        assertProblem(cycle, 400);
        assertThat(RestClient.json(cycle).get("detail").asText()).contains("cycle");

        JsonNode tree = rest.getJson("/api/v1/locations/tree?warehouse=WH9", token);
        JsonNode root = tree.get("WH9").get(0);
        assertThat(root.get("code").asText()).isEqualTo("Z1");
        JsonNode leaf = root.get("children").get(0).get("children").get(0);
        assertThat(leaf.get("code").asText()).isEqualTo("Z1-A1-B1");
        assertThat(leaf.get("capacity").decimalValue()).isEqualByComparingTo("40");

        HttpResponse<String> children = rest.get("/api/v1/locations?warehouse=WH9&parent=Z1", token);
        assertThat(children.headers().firstValue("X-Total-Count")).hasValue("1");
        assertThat(RestClient.json(children)).singleElement().satisfies(l -> {
            assertThat(l.get("code").asText()).isEqualTo("Z1-A1");
            assertThat(l.get("warehouse").asText()).isEqualTo("WH9");
            assertThat(l.get("parent").asText()).isEqualTo("Z1");
            assertThat(l.get("kind").asText()).isEqualTo("aisle");
        });
        assertProblem(rest.request("DELETE", "/api/v1/locations/WH9/Z1", token, null), 409);
        assertThat(rest.request("DELETE", "/api/v1/locations/WH9/Z1-A1-B1", token, null).statusCode()).isEqualTo(204);
        assertProblem(rest.request("DELETE", "/api/v1/warehouses/WH9", token, null), 409);
        assertThat(rest.getJson("/api/v1/warehouses/WH9", token).get("address").asText()).isEqualTo("Dock road 1");
    }

    @Test
    void devicesAndWhereTheyAre() {
        JsonNode seeded = rest.getJson("/api/v1/devices?warehouse=WH1", token);
        assertThat(seeded).isNotEmpty().allSatisfy(d -> assertThat(d.get("warehouse").asText()).isEqualTo("WH1"));
        HttpResponse<String> created = post("/api/v1/devices", "{\"id\":\"scale-9\",\"gateway\":\"gw-1\",\"family\":\"scale\","
                + "\"transport\":\"serial\",\"address\":\"/dev/ttyUSB9\",\"codec\":\"mt-sics\",\"warehouse\":\"WH1\",\"location\":\"SHELF-A1\"}", 201);
        assertThat(RestClient.json(created).get("siteId").asText()).isNotBlank();
        assertThat(rest.getJson("/api/v1/devices?warehouse=WH1", token)).anySatisfy(d -> {
            assertThat(d.get("id").asText()).isEqualTo("scale-9");
            assertThat(d.get("location").asText()).isEqualTo("SHELF-A1");
        });
        assertThat(RestClient.json(post("/api/v1/devices", "{\"id\":\"x\",\"gateway\":\"gw-1\",\"family\":\"toaster\",\"transport\":\"mqtt\"}", 400))
                .get("errors").get(0).get("field").asText()).isEqualTo("family");
        assertThat(RestClient.json(post("/api/v1/devices", "{\"id\":\"y\",\"gateway\":\"gw-1\",\"family\":\"door\",\"transport\":\"gpio\","
                + "\"warehouse\":\"WH1\",\"location\":\"NOWHERE\"}", 400)).get("errors").get(0).get("field").asText()).isEqualTo("location");
    }

    @Test
    void everyMasterDataRouteIsInTheOpenApiDocument() {
        JsonNode paths = RestClient.json(rest.get("/api/v1/openapi.json", null)).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/products", "/api/v1/products/{sku}",
                "/api/v1/products/import", "/api/v1/products/export", "/api/v1/customers", "/api/v1/customers/{code}",
                "/api/v1/customers/import", "/api/v1/suppliers", "/api/v1/suppliers/{code}", "/api/v1/suppliers/export",
                "/api/v1/locations", "/api/v1/locations/tree", "/api/v1/locations/{warehouse}/{code}",
                "/api/v1/warehouses", "/api/v1/warehouses/{code}", "/api/v1/devices");
        assertThat(paths.get("/api/v1/products/{sku}").fieldNames()).toIterable().contains("get", "put", "patch", "delete");
    }

    private static HttpResponse<String> post(String path, String body, int status) {
        HttpResponse<String> r = rest.request("POST", path, token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }
}
