package coop.ledger.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/** The OpenAPI document: title, and the write headers every recording endpoint takes. */
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
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .info(new Info()
                .title("Cooperation Ledger API")
                .version("v1")
                .description("Records inter-governmental cooperation as immutable events: parties (参与方), "
                        + "cooperation agreements (合作协议) and their cooperation lists (合作清单). Errors are "
                        + "RFC 9457 problem+json. Log in with HTTP Basic: ADMIN records, AUDITOR and VIEWER read."));
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
