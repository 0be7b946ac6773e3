package io.stocksense.cloud.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.protocol.epc.EpcCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The EPCIS document built from hand-made ledger rows and sensor buckets, checked against the GS1 schema. */
class EpcisDocumentBuilderTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static LedgerLine line(String eventId, int no, String sku, String gtin, String location, String qty,
                                   String unit, String type, String cause, List<String> epcs) {
        return new LedgerLine(eventId, no, sku, gtin, gtin == null ? null : 7, "WH1", location, "", new BigDecimal(qty),
                unit, type, cause, cause + ":1", "portal-1", T0.plusSeconds(no), T0.plusSeconds(60), epcs);
    }

    @Test
    void movementsAndSensorDataMakeASchemaValidDocument() {
        String epc = EpcCodec.encodeSgtin96("14012345200017", 7, 1, 4711);
        List<LedgerLine> lines = List.of(
                line("6f1c2a4e-0000-4000-8000-000000000001", 1, "WATER-24", "14012345200017", "DOCK-1", "1", "CS",
                        "RECEIPT", "device-event", List.of(epc)),
                line("move-1", 1, "BOLT-M8", "04012345300017", "SHELF-A1", "-5", "EA", "MOVE_OUT", "move", List.of()),
                line("move-1", 2, "BOLT-M8", "04012345300017", "SHELF-A2", "5", "EA", "MOVE_IN", "move", List.of()),
                line("scrap-1", 1, "FLOUR", null, "SHELF-A3", "-2.500", "kg", "SCRAP", "scrap", List.of()));
        SensorBucket temp = new SensorBucket("cold-sensor-1", "WH1", "COLD", "temperature", "CEL", T0, T0.plusSeconds(3600),
                T0.plusSeconds(3000), 3.5, 6.25, 4.8333333, 12);
        SensorBucket rh = new SensorBucket("cold-sensor-1", "WH1", "COLD", "humidity", "P1", T0, T0.plusSeconds(3600),
                T0.plusSeconds(3010), 50, 61, 55.5, 12);
        SensorBucket battery = new SensorBucket("cold-sensor-1", "WH1", "COLD", "battery", "P1", T0, T0.plusSeconds(3600),
                T0.plusSeconds(3010), 80, 80, 80, 1);

        ObjectNode doc = new EpcisDocumentBuilder().movements(lines).sensorData(List.of(temp, rh, battery)).build(T0.plusSeconds(9999));

        assertThat(EpcisSchema.violations(doc)).isEmpty();
        JsonNode events = doc.at("/epcisBody/eventList");
        assertThat(events).hasSize(4);
        JsonNode receipt = events.get(0);
        assertThat(receipt.get("eventID").asText()).isEqualTo("urn:uuid:6f1c2a4e-0000-4000-8000-000000000001");
        assertThat(receipt.get("bizStep").asText()).isEqualTo("receiving");
        assertThat(receipt.get("epcList").get(0).asText()).isEqualTo("urn:epc:id:sgtin:4012345.120001.4711");
        assertThat(receipt.has("quantityList")).isFalse();
        assertThat(receipt.has("bizTransactionList")).isFalse();
        JsonNode move = events.get(1);
        assertThat(move.at("/quantityList/0/epcClass").asText()).isEqualTo("urn:epc:idpat:sgtin:4012345.030001.*");
        assertThat(move.at("/quantityList/0/quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(move.at("/quantityList/0/uom").isMissingNode()).as("a count has no uom").isTrue();
        assertThat(move.at("/sourceList/0/source").asText()).isEqualTo("urn:stocksense:loc:WH1:SHELF-A1");
        assertThat(move.at("/destinationList/0/destination").asText()).isEqualTo("urn:stocksense:loc:WH1:SHELF-A2");
        assertThat(move.at("/bizTransactionList/0/bizTransaction").asText()).isEqualTo("urn:stocksense:doc:move%3A1");
        JsonNode scrap = events.get(2);
        assertThat(scrap.get("action").asText()).isEqualTo("DELETE");
        assertThat(scrap.at("/quantityList/0/epcClass").asText()).isEqualTo("urn:stocksense:sku:FLOUR");
        assertThat(scrap.at("/quantityList/0/quantity").toString()).isEqualTo("2.5");
        assertThat(scrap.at("/quantityList/0/uom").asText()).isEqualTo("KGM");
        JsonNode sensor = events.get(3);
        assertThat(sensor.get("bizStep").asText()).isEqualTo("sensor_reporting");
        assertThat(sensor.at("/sensorElementList/0/sensorReport")).hasSize(2);
        assertThat(sensor.at("/sensorElementList/0/sensorReport/0/type").asText()).isEqualTo("Temperature");
        assertThat(sensor.at("/sensorElementList/0/sensorReport/0/meanValue").decimalValue()).isEqualByComparingTo("4.833");
        assertThat(sensor.at("/sensorElementList/0/sensorReport/1/type").asText()).isEqualTo("RelativeHumidity");
        assertThat(sensor.at("/sensorElementList/0/sensorReport/1/uom").asText()).isEqualTo("P1");
    }

    @Test
    void theSchemaRejectsWhatEpcisForbids() {
        ObjectNode doc = new EpcisDocumentBuilder().movements(List.of(line("e-1", 1, "WATER-24", "14012345200017", "DOCK-1",
                "1", "CS", "RECEIPT", "device-event", List.of()))).build(T0);
        ObjectNode event = (ObjectNode) doc.at("/epcisBody/eventList/0");
        event.put("bizStep", "urn:epcglobal:cbv:bizstep:receiving");
        event.remove("action");
        event.put("eventTime", "yesterday");

        List<String> violations = EpcisSchema.violations(doc);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("action"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("eventTime"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("bizStep"));
    }
}
