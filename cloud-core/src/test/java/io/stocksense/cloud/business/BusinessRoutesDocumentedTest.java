package io.stocksense.cloud.business;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every business route declares a permission, and the OpenAPI document lists it with that permission. */
class BusinessRoutesDocumentedTest {

    @Test
    void everyBusinessRouteIsInTheOpenApiDocumentWithItsPermission() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RouteTable routes = new RouteTable(Router.router(vertx), permission -> ctx -> ctx.next());
            new BusinessFlows(null).mount(routes);
            JsonNode doc;
            try (InputStream in = getClass().getResourceAsStream("/openapi/stocksense-cloud.json")) {
                doc = ApiJson.MAPPER.readTree(in);
            }
            Map<String, String> declared = routes.permissions();
            assertThat(declared).isNotEmpty();
            for (Map.Entry<String, String> e : declared.entrySet()) {
                String method = e.getKey().substring(0, e.getKey().indexOf(' ')).toLowerCase();
                String path = e.getKey().substring(e.getKey().indexOf(' ') + 1).replaceAll(":([a-zA-Z]+)", "{$1}");
                JsonNode op = doc.get("paths").path(path).path(method);
                assertThat(op.isMissingNode()).as("%s %s is in the OpenAPI document", method, path).isFalse();
                assertThat(op.path("x-permission").asText()).as("permission of %s %s", method, path).isEqualTo(e.getValue());
            }
        } finally {
            vertx.close();
        }
    }
}
