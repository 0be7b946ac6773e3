package io.stocksense.protocol.reading;

import io.stocksense.protocol.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingJsonTest {

    @Test
    void aDigitalInputReadingRoundTripsWithItsTypeName() throws Exception {
        Reading door = new DigitalInputReading("door-dock1", Instant.parse("2026-01-01T10:00:00Z"), "17", true);
        String json = Json.MAPPER.writerFor(Reading.class).writeValueAsString(door);
        assertThat(Json.MAPPER.readTree(json).path("reading").asText()).isEqualTo("digital");
        assertThat(Json.MAPPER.readValue(json, Reading.class)).isEqualTo(door);
    }
}
