package coop.ledger.app;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract: the served OpenAPI document is written to {@code target/openapi.json} for the lint in
 * {@code .ci/run}, and must equal the committed contract {@code src/test/openapi/ledger-api.json} that the Java
 * client of {@code GeneratedClientTest} is generated from (docs/api-contract.md).
 */
class ApiContractTest extends LedgerHttpTest {

    static final Path SERVED = Path.of("target", "openapi.json");
    static final Path COMMITTED = Path.of("src", "test", "openapi", "ledger-api.json");
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void the_served_document_is_the_committed_contract() throws IOException {
        Reply docs = served(api);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode served = normalised(docs.json());
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, MAPPER.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        JsonNode committed = MAPPER.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(served).as("the served OpenAPI document differs from the committed contract; if the change is "
                + "meant, copy ledger-app/target/openapi.json to ledger-app/" + COMMITTED + " (docs/api-contract.md)")
                .isEqualTo(committed);
    }

    @Test
    void every_json_write_body_has_an_example_of_the_documented_shape() {
        JsonNode docs = served(api).json();
        JsonNode schemas = docs.path("components").path("schemas");
        java.util.List<String> lacking = new java.util.ArrayList<>();
        docs.path("paths").propertyStream().forEach(path -> path.getValue().propertyStream().forEach(operation -> {
            String ref = operation.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema").path("$ref").asString("");
            if (ref.isEmpty()) {
                return;
            }
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode schema = schemas.path(name);
            JsonNode example = schema.path("example");
            java.util.Set<String> fields = new java.util.TreeSet<>(example.propertyNames());
            java.util.Set<String> required = new java.util.TreeSet<>();
            schema.path("required").valueStream().forEach(r -> required.add(r.asString()));
            if (!example.isObject() || !fields.containsAll(required)
                    || !schema.path("properties").propertyNames().containsAll(fields)) {
                lacking.add(operation.getKey().toUpperCase() + " " + path.getKey() + " (" + name + ")");
            }
        }));

        assertThat(lacking).as("write bodies without an example of their shape (openapi/request-examples.json)")
                .isEmpty();
    }

    /**
     * The served document. springdoc builds it on the first request, which on a busy machine can take longer than a
     * client waits; it keeps what it built, so asking again answers at once.
     */
    static Reply served(coop.ledger.testing.Api api) {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.get("/v3/api-docs").anonymous().send();
            } catch (java.io.UncheckedIOException timedOut) {
                if (attempt == 3) {
                    throw timedOut;
                }
            }
        }
    }

    /** Tags in name order: springdoc lists them in the order it met the controllers, which may vary. */
    private static JsonNode normalised(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        if (copy.get("tags") instanceof ArrayNode tags) {
            ArrayNode sorted = MAPPER.createArrayNode();
            tags.valueStream().sorted(Comparator.comparing(t -> t.path("name").asString())).forEach(sorted::add);
            copy.set("tags", sorted);
        }
        return copy;
    }
}
