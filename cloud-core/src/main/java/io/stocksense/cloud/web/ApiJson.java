package io.stocksense.cloud.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stocksense.protocol.Json;

/**
 * The REST API's JSON: the wire contract's mapper (ISO instants, exact decimals) with decimals written
 * plainly ({@code 1200}, never {@code 1.2E+3}), so a quantity is always an exact JSON number.
 */
public final class ApiJson {

    public static final ObjectMapper MAPPER = Json.MAPPER.copy().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ApiJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
