package coop.ledger.app;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document covers every endpoint the controllers map; operations endpoints stay closed. */
class ApiDocumentationTest extends LedgerHttpTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Test
    void the_openapi_document_lists_every_mapped_api_operation() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> mapping : handlerMapping.getHandlerMethods().entrySet()) {
            for (String path : mapping.getKey().getPatternValues()) {
                if (path.startsWith("/api")) {
                    for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                        mapped.add(method.name() + " " + path);
                    }
                }
            }
        }

        Reply docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        Set<String> documented = new TreeSet<>();
        docs.json().path("paths").propertyStream().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(mapped).as("operations the controllers map").hasSizeGreaterThanOrEqualTo(16);
        assertThat(documented).containsAll(mapped);
    }

    @Test
    void every_documented_write_documents_if_match_and_idempotency_key() {
        JsonNode paths = api.get("/v3/api-docs").send().json().path("paths");

        paths.propertyStream().forEach(path -> path.getValue().propertyStream()
                .filter(operation -> !operation.getKey().equals("get"))
                // sealing and restoring change no record: no version to expect, nothing to retry idempotently
                .filter(operation -> !path.getKey().startsWith("/api/audit/"))
                .forEach(operation -> assertThat(operation.getValue().path("parameters").valueStream()
                        .filter(p -> p.path("in").asString().equals("header"))
                        .map(p -> p.path("name").asString()))
                        .as("%s %s", operation.getKey(), path.getKey())
                        .contains("If-Match", "Idempotency-Key")));
    }

    @Test
    void query_parameters_document_their_type_format_allowed_values_and_whether_they_are_required() {
        JsonNode paths = api.get("/v3/api-docs").send().json().path("paths");

        for (String stats : new String[] {"/api/stats/projects", "/api/stats/programmes", "/api/stats/agreements"}) {
            JsonNode groupBy = parameter(paths, stats, "groupBy");
            assertThat(groupBy.path("required").asBoolean()).as("groupBy of %s is required", stats).isTrue();
            assertThat(groupBy.path("schema").path("enum").isEmpty()).as("groupBy of %s", stats).isFalse();
        }
        JsonNode status = parameter(paths, "/api/projects", "status");
        assertThat(status.path("schema").path("type").asString()).isEqualTo("array");
        assertThat(status.path("schema").path("items").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("INTENTION", "SIGNED", "UNDER_CONSTRUCTION", "IN_OPERATION", "CANCELLED");
        assertThat(parameter(paths, "/api/agreements", "kind").path("schema").path("items").path("enum").isEmpty())
                .isFalse();
        assertThat(parameter(paths, "/api/projects", "from").path("schema").path("format").asString())
                .isEqualTo("date");
        assertThat(parameter(paths, "/api/summary", "period").path("schema").path("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("year", "month");
        assertThat(parameter(paths, "/api/audit/summary", "recordedAt").path("schema").path("format").asString())
                .isEqualTo("date-time");
    }

    private static JsonNode parameter(JsonNode paths, String path, String name) {
        return paths.path(path).path("get").path("parameters").valueStream()
                .filter(p -> p.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " documents no parameter " + name));
    }

    @Test
    void health_is_up() {
        Reply health = api.get("/actuator/health").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
            "/h2-console", "/h2-console/"})
    void operations_endpoints_that_would_expose_the_store_are_not_served(String path) {
        assertThat(api.get(path).send().status()).isEqualTo(404);
    }
}
