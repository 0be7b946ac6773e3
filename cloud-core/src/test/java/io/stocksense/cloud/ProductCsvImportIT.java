package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.epc.Gtin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.stocksense.cloud.RestApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV import of 10,000 generated products with 20 deliberately bad rows: exactly the good rows land,
 * each bad row is reported by line and column, and export → re-import changes nothing.
 */
class ProductCsvImportIT extends CloudITSupport {

    static final String HEADER = "sku,name,unit,gtin,unit_weight_grams,purchase_price,purchase_currency,sale_price,sale_currency,"
            + "category,barcodes,track_lot\n";
    static String token;

    @BeforeAll
    static void login() {
        token = adminToken();
    }

    @Test
    void tenThousandRowsWithTwentyBadOnes() {
        Map<Integer, String> expectedBad = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_000; i++) {
            int line = i + 1;
            String sku = String.format("CSV-%05d", i);
            String data = String.format("400000%06d", i);
            String gtin = data + Gtin.checkDigit(data);
            String name = "\"Widget " + i + ", size " + (i % 7) + "\"";
            String weight = (i % 50) + ".5";
            String price = (i % 90 + 1) + ".25";
            switch (i % 2500) {
                case 17:
                    gtin = data + ((Gtin.checkDigit(data) + 1) % 10);
                    expectedBad.put(line, "gtin");
                    break;
                case 101:
                    name = "";
                    expectedBad.put(line, "name");
                    break;
                case 222:
                    price = "-4.00";
                    expectedBad.put(line, "purchase_price");
                    break;
                case 333:
                    sku = String.format("CSV-%05d", i - 1);
                    expectedBad.put(line, "sku");
                    break;
                case 444:
                    weight = "heavy";
                    expectedBad.put(line, "unit_weight_grams");
                    break;
                default:
                    break;
            }
            csv.append(sku).append(',').append(name).append(",EA,").append(gtin).append(',').append(weight).append(',')
                    .append(price).append(",EUR,").append(i % 90 + 3).append(".99,USD,tools,INT-").append(i).append(',')
                    .append(i % 2 == 0).append('\n');
        }
        assertThat(expectedBad).hasSize(20);

        long started = System.nanoTime();
        JsonNode report = importCsv(csv.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("ProductCsvImportIT: imported 10,000 CSV rows in " + millis + " ms");

        assertThat(report.get("rows").asInt()).isEqualTo(10_000);
        assertThat(report.get("imported").asInt()).isEqualTo(10_000 - expectedBad.size());
        assertThat(report.get("updated").asInt()).isZero();
        Map<Integer, String> reported = new LinkedHashMap<>();
        report.get("rejected").forEach(r -> reported.put(r.get("line").asInt(), r.get("field").asText()));
        assertThat(reported).isEqualTo(expectedBad);
        assertThat(report.get("rejected")).filteredOn(r -> r.get("line").asInt() == 18).singleElement()
                .satisfies(r -> assertThat(r.get("message").asText()).startsWith("check digit should be "));

        HttpResponse<String> page = rest.get("/api/v1/products?q=CSV-&size=1", token);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(10_000 - expectedBad.size()));
        JsonNode one = rest.getJson("/api/v1/products/CSV-00002", token);
        assertThat(one.get("name").asText()).isEqualTo("Widget 2, size 2");
        assertThat(one.get("purchasePrice").get("amount").asText()).isEqualTo("3.25");
        assertThat(one.get("barcodes").get(0).asText()).isEqualTo("INT-2");
        assertThat(one.get("trackLot").asBoolean()).isTrue();

        HttpResponse<String> export = rest.get("/api/v1/products/export", token);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        long exportedRows = export.body().lines().count() - 1;
        assertThat(exportedRows).isEqualTo(10_000 - expectedBad.size() + 8);

        JsonNode again = importCsv(export.body());
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(exportedRows);
        assertThat(again.get("rejected")).isEmpty();
    }

    @Test
    void badHeaderIsOneProblemAndNothingIsImported() {
        HttpResponse<String> r = post("/api/v1/products/import", "sku,colour\nX-1,red\n");
        assertProblem(r, 400);
        assertThat(RestClient.json(r).get("detail").asText()).contains("unknown column 'colour'");
        assertProblem(rest.get("/api/v1/products/X-1", token), 404);
    }

    @Test
    void customersAndSuppliersRoundTrip() {
        JsonNode c = RestClient.json(post("/api/v1/customers/import",
                "code,name,email,credit_limit,credit_currency,rating\nC-1,Acme,a@acme.example,100,EUR,3\nC-2,,x@y.example,,,\n"));
        assertThat(c.get("imported").asInt()).isEqualTo(1);
        assertThat(c.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(c.get("rejected").get(0).get("field").asText()).isEqualTo("name");
        String exported = rest.get("/api/v1/customers/export", token).body();
        assertThat(exported).startsWith("code,name,contact").contains("C-1,Acme,,,a@acme.example,,100.00,EUR,3,true");
        assertThat(RestClient.json(post("/api/v1/customers/import", exported)).get("unchanged").asInt()).isEqualTo(1);

        JsonNode s = RestClient.json(post("/api/v1/suppliers/import", "code,name,lead_time_days\nS-1,Parts,5\nS-2,Bad,-1\n"));
        assertThat(s.get("imported").asInt()).isEqualTo(1);
        assertThat(s.get("rejected").get(0).get("field").asText()).isEqualTo("lead_time_days");
    }

    private static JsonNode importCsv(String csv) {
        HttpResponse<String> r = post("/api/v1/products/import", csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RestClient.json(r);
    }

    private static HttpResponse<String> post(String path, String csv) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(rest.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            return rest.client().send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
