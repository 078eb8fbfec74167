package coop.ledger.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document: title, licence, server, the write headers every recording endpoint takes and the problem
 * responses of every operation ({@link ProblemResponses}). How the contract is kept: docs/api-contract.md.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        // WriteContext is read from headers, not from query parameters; the customizer documents the headers.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteContext.class);
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema()))
                // relative: the document is right for whichever host and port served it (no generated URL)
                .addServersItem(new Server().url("/").description("the ledger that served this document"))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .info(new Info()
                .title("Cooperation Ledger API")
                .version("v1")
                // no licence has been granted for the code or the API; say so rather than leave it unsaid
                .license(new License().name("Proprietary: all rights reserved").identifier("LicenseRef-Proprietary"))
                .description("Records inter-governmental cooperation as immutable events: parties (参与方), "
                        + "cooperation agreements (合作协议) and their cooperation lists (合作清单). Errors are "
                        + "RFC 9457 problem+json. Log in with HTTP Basic: ADMIN records, AUDITOR and VIEWER read."));
    }

    /**
     * Stable operation ids a generated client names its methods by: the handler's name and its controller's
     * ({@code get} of AgreementController is {@code getAgreement}), instead of springdoc's {@code get_3}, which
     * changes whenever another controller adds a {@code get}.
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handlerMethod) -> {
            io.swagger.v3.oas.annotations.Operation declared =
                    handlerMethod.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (declared != null && !declared.operationId().isEmpty()) {
                return operation;
            }
            String controller = handlerMethod.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            return operation.operationId(handlerMethod.getMethod().getName() + controller);
        };
    }

    /** Problem responses derived from each handler, so a new endpoint is documented without a hand edit. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> ProblemResponses.document(operation, handlerMethod);
    }

    /**
     * One tag per name: two controllers of one slice (audit history and integrity) may tag their operations alike,
     * each saying what it adds; the document lists the name once with both descriptions.
     */
    @Bean
    OpenApiCustomizer mergeTags() {
        return openApi -> {
            if (openApi.getTags() == null) {
                return;
            }
            Map<String, Tag> byName = new LinkedHashMap<>();
            for (Tag tag : openApi.getTags()) {
                byName.merge(tag.getName(), tag, (a, b) -> new Tag().name(a.getName())
                        .description(joined(a.getDescription(), b.getDescription())));
            }
            openApi.setTags(List.copyOf(byName.values()));
        };
    }

    /**
     * The ledger's problem schema, set once more after springdoc has read every annotation: an endpoint naming
     * Spring's {@code ProblemDetail} class in an annotation would otherwise replace it with one that has no
     * {@code rule}, {@code values} or {@code errors}, and a generated client would lose them.
     */
    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema());
        };
    }

    private static String joined(String a, String b) {
        return a == null ? b : b == null || a.contains(b) ? a : a + "; " + b;
    }

    /**
     * An example for every write body, from {@code openapi/request-examples.json} (by schema name), so that Swagger
     * UI and a client's author start from a body the ledger takes; {@code ApiContractTest} checks that every write
     * body has one of the documented shape.
     */
    @Bean
    OpenApiCustomizer requestExamples() {
        Map<String, Object> examples;
        try (java.io.InputStream in = ApiDocumentation.class.getResourceAsStream("/openapi/request-examples.json")) {
            examples = tools.jackson.databind.json.JsonMapper.builder().build().readValue(in,
                    new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            examples.forEach((name, example) -> {
                io.swagger.v3.oas.models.media.Schema<?> schema = openApi.getComponents().getSchemas().get(name);
                if (schema != null) {
                    schema.setExample(example);
                }
            });
        };
    }

    @Bean
    OperationCustomizer writeHeaders() {
        return (operation, handlerMethod) -> {
            boolean isWrite = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == WriteContext.class);
            if (isWrite) {
                operation.addParametersItem(new HeaderParameter().name(WriteContextResolver.IF_MATCH).required(false)
                        .description("The record version you expect, e.g. \"3\"; a stale one gets 409")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(WriteContextResolver.IDEMPOTENCY_KEY)
                        .required(false).description("Makes a retry safe: the same key and body is answered "
                                + "from the first result and recorded once").schema(new StringSchema()));
            }
            return operation;
        };
    }
}
