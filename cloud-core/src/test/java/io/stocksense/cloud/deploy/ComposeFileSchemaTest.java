package io.stocksense.cloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment's compose files (docker/compose*.yaml) parse as YAML and validate against the Compose
 * Specification's JSON schema (vendored in src/test/resources/compose). No Docker engine or CLI is needed.
 */
class ComposeFileSchemaTest {

    private static final Path DOCKER = Path.of("../docker");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** YAML as Compose reads it: anchors, aliases and {@code <<} merge keys resolved (SnakeYAML does all three). */
    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml().load(text));
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = ComposeFileSchemaTest.class.getResourceAsStream("/compose/compose-spec.json")) {
            assertThat(in).as("compose/compose-spec.json in the test resources").isNotNull();
            // This schema revision still carries draft-04 style "id" members; they identify, they do not validate.
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                    .keyword(new NonValidationKeyword("id")).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, b -> b.metaSchema(meta)).getSchema(in);
        }
    }

    /** The violations of one compose document; the top-level name (newer than this schema) is checked here. */
    private static Set<ValidationMessage> validate(JsonNode compose) throws IOException {
        ObjectNode copy = compose.deepCopy();
        JsonNode name = copy.remove("name");
        if (name != null) {
            assertThat(name.asText()).as("project name").matches("[a-z0-9][a-z0-9_-]*");
        }
        return schema().validate(copy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose.edge.yaml"})
    void composeFileIsValidAgainstTheComposeSpecification(String file) throws IOException {
        Path path = DOCKER.resolve(file);
        assertThat(path).exists();
        JsonNode compose = yaml(Files.readString(path));

        assertThat(validate(compose)).as(file).isEmpty();
        assertThat(compose.get("services")).as("%s has services", file).isNotEmpty();
    }

    @Test
    void theSchemaCatchesMistakes() throws IOException {
        JsonNode broken = yaml("""
                services:
                  cloud-core:
                    image: stocksense/cloud-core
                    restart: sometimes-maybe
                    ports: 8080
                    depends_on:
                      db:
                        condition: when-it-feels-like-it
                    helthcheck:
                      test: ["CMD", "true"]
                """);

        Set<ValidationMessage> violations = validate(broken);

        assertThat(violations).extracting(ValidationMessage::toString)
                .anySatisfy(v -> assertThat(v).contains("helthcheck"))
                .anySatisfy(v -> assertThat(v).contains("ports"))
                .anySatisfy(v -> assertThat(v).contains("condition"));
    }
}
