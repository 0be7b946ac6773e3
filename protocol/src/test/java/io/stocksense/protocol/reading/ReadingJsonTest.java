package io.stocksense.protocol.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingJsonTest {

    @Test
    void aScanReadRoundTripsAsTypeScan() throws Exception {
        ScanRead scan = new ScanRead("scanner-1", Instant.parse("2026-11-23T10:00:00Z"), "04012345123456", "L-42",
                LocalDate.of(2027, 3, 31), "SN1", "]C10104012345123456" + "10L-42\u001d17270331" + "21SN1");

        String json = Json.writeString(scan);
        JsonNode tree = Json.MAPPER.readTree(json);

        assertThat(tree.path("reading").asText()).isEqualTo("scan");
        assertThat(tree.path("expiry").asText()).isEqualTo("2027-03-31");
        assertThat(Json.MAPPER.readValue(json, Reading.class)).isEqualTo(scan);
    }

    @Test
    void aDigitalInputReadingRoundTripsWithItsTypeName() throws Exception {
        Reading door = new DigitalInputReading("door-dock1", Instant.parse("2026-01-01T10:00:00Z"), "17", true);
        String json = Json.MAPPER.writerFor(Reading.class).writeValueAsString(door);
        assertThat(Json.MAPPER.readTree(json).path("reading").asText()).isEqualTo("digital");
        assertThat(Json.MAPPER.readValue(json, Reading.class)).isEqualTo(door);
    }
}
