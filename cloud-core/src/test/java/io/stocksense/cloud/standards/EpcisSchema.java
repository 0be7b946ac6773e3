package io.stocksense.cloud.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The vendored GS1 EPCIS 2.0 JSON schema (src/test/resources/epcis), as a draft-07 validator with format checks. */
public final class EpcisSchema {

    private static final JsonSchema SCHEMA = load();

    private EpcisSchema() {
    }

    /** The violations of {@code document}, one readable line each; empty when it is valid. */
    public static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
    }

    private static JsonSchema load() {
        try (InputStream in = EpcisSchema.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            if (in == null) {
                throw new IllegalStateException("epcis/EPCIS-JSON-Schema.json is missing from the test resources");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
