package io.stocksense.edge.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a payload into JSON values, for codecs whose devices send one object, an array of objects
 * (webhooks), newline-delimited objects (NDJSON streams) or objects glued together with no
 * separator ({@code }{}, Zebra over HTTP/WebSocket). Jackson reads consecutive root-level values
 * whether or not whitespace separates them, so all of these are one loop. Top-level arrays are
 * flattened one level. Pure; never throws.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** The values that could be read, and a rejection for the unreadable rest, if any. */
    public record Split(List<JsonNode> values, List<Rejection> rejections) {
    }

    public static Split split(byte[] payload) {
        List<JsonNode> values = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (payload == null || payload.length == 0 || new String(payload, StandardCharsets.UTF_8).isBlank()) {
            rejections.add(Rejection.of("payload is empty", ""));
            return new Split(values, rejections);
        }
        try (JsonParser parser = Json.MAPPER.createParser(payload)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonNode node = Json.MAPPER.readTree(parser);
                if (token == JsonToken.START_ARRAY && node.isEmpty()) {
                    rejections.add(Rejection.of("an empty JSON array carries no events", node.toString()));
                } else if (token == JsonToken.START_ARRAY) {
                    node.forEach(values::add);
                } else {
                    values.add(node);
                }
            }
        } catch (IOException e) {
            // Keep what was read before the damage (e.g. a truncated last object) and reject the rest.
            rejections.add(Rejection.of("not valid JSON: " + firstLine(e.getMessage()), payload));
        }
        if (values.isEmpty() && rejections.isEmpty()) {
            // Jackson stops at a NUL byte as at the end of input: control characters alone are no JSON value.
            rejections.add(Rejection.of("no JSON value in the payload", payload));
        }
        return new Split(values, rejections);
    }

    /** A number, or a string holding one (old firmware sends numbers as strings); null otherwise. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
