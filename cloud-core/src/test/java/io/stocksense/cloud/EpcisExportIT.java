package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.standards.EpcisSchema;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.epc.EpcCodec;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.stocksense.protocol.event.MovementType.RECEIPT;
import static io.stocksense.protocol.event.MovementType.SHELF_PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/epcis/events} on a real cloud-core: movements posted through MQTT ingest and the REST API,
 * and telemetry, exported as EPCIS 2.0 JSON-LD and validated against the GS1 EPCIS JSON schema.
 */
class EpcisExportIT extends CloudITSupport {

    @Test
    void exportOfMovementsAndSensorDataIsValidAgainstTheGs1Schema() throws Exception {
        String token = adminToken();
        Instant from = Instant.now().minusSeconds(5);
        String epc1 = EpcCodec.encodeSgtin96("14012345200017", 7, 1, 9001);
        String epc2 = EpcCodec.encodeSgtin96("14012345200017", 7, 1, 9002);
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                    TestGateway.movement(RECEIPT, "DOCK-1", "WATER-24", "2", "CS", null, List.of(epc1, epc2)),
                    TestGateway.movement(SHELF_PLACEMENT, "SHELF-A1", "BOLT-M8", "12", "EA")));
            assertThat(gw.awaitAck(seq).accepted()).isEqualTo(2);
            long tseq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.TELEMETRY, TestGateway.batch(tseq,
                    TestGateway.telemetry("COLD", "temperature", 4.0, "CEL"),
                    TestGateway.telemetry("COLD", "temperature", 6.5, "CEL"),
                    TestGateway.telemetry("COLD", "humidity", 58.0, "P1")));
            assertThat(gw.awaitAck(tseq).accepted()).isEqualTo(3);
        }
        HttpResponse<String> move = rest.request("POST", "/api/v1/moves", token,
                "{\"sku\":\"BOLT-M8\",\"warehouse\":\"WH1\",\"from\":\"SHELF-A1\",\"to\":\"SHELF-A2\",\"quantity\":4,\"reason\":\"re-slot\"}");
        assertThat(move.statusCode()).as(move.body()).isEqualTo(201);

        HttpResponse<String> r = rest.get("/api/v1/epcis/events?warehouse=WH1&from=" + from, token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/ld+json"));
        assertThat(r.headers().firstValue("X-StockSense-Truncated")).hasValue("false");
        JsonNode doc = RestClient.json(r);
        assertThat(EpcisSchema.violations(doc)).as(r.body()).isEmpty();
        List<JsonNode> events = StreamSupport.stream(doc.at("/epcisBody/eventList").spliterator(), false).toList();
        assertThat(events).hasSize(4);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("bizStep").asText()).isEqualTo("receiving");
            assertThat(e.get("epcList")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("urn:epc:id:sgtin:4012345.120001.9001", "urn:epc:id:sgtin:4012345.120001.9002");
            assertThat(e.at("/readPoint/id").asText()).isEqualTo("urn:stocksense:loc:WH1:DOCK-1");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("bizStep").asText()).isEqualTo("storing");
            assertThat(e.at("/quantityList/0/epcClass").asText()).isEqualTo("urn:epc:idpat:sgtin:4012345.030001.*");
            assertThat(e.at("/quantityList/0/quantity").asInt()).isEqualTo(12);
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.at("/sourceList/0/source").asText()).isEqualTo("urn:stocksense:loc:WH1:SHELF-A1");
            assertThat(e.at("/destinationList/0/destination").asText()).isEqualTo("urn:stocksense:loc:WH1:SHELF-A2");
            assertThat(e.at("/quantityList/0/quantity").asInt()).isEqualTo(4);
            assertThat(e.at("/bizTransactionList/0/bizTransaction").asText()).startsWith("urn:stocksense:doc:");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("bizStep").asText()).isEqualTo("sensor_reporting");
            List<JsonNode> reports = StreamSupport.stream(e.at("/sensorElementList/0/sensorReport").spliterator(), false).toList();
            assertThat(reports).extracting(x -> x.get("type").asText()).containsExactlyInAnyOrder("Temperature", "RelativeHumidity");
            JsonNode temperature = reports.stream().filter(x -> x.get("type").asText().equals("Temperature")).findFirst().orElseThrow();
            assertThat(temperature.get("minValue").asDouble()).isEqualTo(4.0);
            assertThat(temperature.get("maxValue").asDouble()).isEqualTo(6.5);
            assertThat(temperature.get("meanValue").asDouble()).isEqualTo(5.25);
            assertThat(temperature.get("uom").asText()).isEqualTo("CEL");
        });
    }

    @Test
    void badWindowsAreProblemsAndOtherWarehousesAreEmpty() {
        String token = adminToken();
        HttpResponse<String> backwards = rest.get("/api/v1/epcis/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", token);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("from must be before to");
        HttpResponse<String> tooLong = rest.get("/api/v1/epcis/events?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", token);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(rest.get("/api/v1/epcis/events", null).statusCode()).isEqualTo(401);
        JsonNode none = rest.getJson("/api/v1/epcis/events?warehouse=NO-SUCH-WH", token);
        assertThat(none.at("/epcisBody/eventList")).isEmpty();
        assertThat(EpcisSchema.violations(none)).isEmpty();
        assertThat(rest.getJson("/api/v1/openapi.json", null).get("paths").fieldNames()).toIterable()
                .contains("/api/v1/epcis/events", "/api/v1/webhooks", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries");
    }
}
