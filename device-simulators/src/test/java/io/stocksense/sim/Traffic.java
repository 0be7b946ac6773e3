package io.stocksense.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Messages as a device broker saw them, and the readings in them; shared by the unit and the IT tests. */
final class Traffic {

    record Message(String topic, byte[] payload, Instant at) {

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        boolean sameAs(Message other) {
            return topic.equals(other.topic) && Arrays.equals(payload, other.payload);
        }
    }

    record TagReport(String epcHex, int antenna) {
    }

    record ShelfReading(BigDecimal grams, boolean stable) {
    }

    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());

    void add(Message m) {
        messages.add(m);
    }

    List<Message> all() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    List<Message> onTopic(String topic) {
        return all().stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** Tag reports in Zebra IoT Connector or Impinj IoT Device Interface form, EPCs upper-case. */
    List<TagReport> tagReports(String topic) {
        List<TagReport> out = new ArrayList<>();
        for (Message m : onTopic(topic)) {
            JsonNode j = m.json();
            if (j.has("tagInventoryEvent")) {
                JsonNode e = j.get("tagInventoryEvent");
                out.add(new TagReport(e.get("epcHex").asText().toUpperCase(Locale.ROOT), e.get("antennaPort").asInt()));
            } else {
                JsonNode d = j.get("data");
                out.add(new TagReport(d.get("idHex").asText().toUpperCase(Locale.ROOT), d.get("antenna").asInt()));
            }
        }
        return out;
    }

    List<ShelfReading> shelfReadings(String topic) {
        return onTopic(topic).stream()
                .map(m -> new ShelfReading(m.json().get("grams").decimalValue(), m.json().get("stable").asBoolean()))
                .toList();
    }

    List<BigDecimal> stableWeights(String topic) {
        return shelfReadings(topic).stream().filter(ShelfReading::stable).map(ShelfReading::grams).toList();
    }
}
