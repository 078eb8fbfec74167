package coop.ledger.shared.query;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Documents the query parameters as {@link QueryParameters} reads them, so that the OpenAPI document states what the
 * server checks and nothing else: {@code page} and {@code size} as bounded integers, text dates {@code from} and
 * {@code to} as {@code date}, and the values of an {@link AllowedValues} parameter from the server's own list.
 * Vocabulary parameters document their enum with {@code @Schema(implementation = …)}, the enum the server parses.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterDocumentation {

    @Bean
    ParameterCustomizer queryParameters() {
        return (parameter, methodParameter) -> {
            if (parameter == null || !"query".equals(parameter.getIn())
                    || !methodParameter.hasParameterAnnotation(RequestParam.class)) {
                return parameter;
            }
            AllowedValues allowed = methodParameter.getParameterAnnotation(AllowedValues.class);
            if (allowed != null) {
                document(parameter, methodParameter, values(allowed));
            } else if (methodParameter.getParameterType() == String.class) {
                documentByName(parameter);
            }
            return parameter;
        };
    }

    /** The parameters {@link QueryParameters} reads by name. */
    private static void documentByName(Parameter parameter) {
        switch (parameter.getName()) {
            case "page" -> parameter.schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)
                    .maximum(java.math.BigDecimal.valueOf(QueryParameters.MAX_PAGE))._default(0))
                    .description(orElse(parameter.getDescription(), "the page to read, from 0"));
            case "size" -> parameter.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                    .maximum(java.math.BigDecimal.valueOf(QueryParameters.MAX_SIZE))
                    ._default(QueryParameters.DEFAULT_SIZE))
                    .description(orElse(parameter.getDescription(), "rows per page; for format=csv or xlsx up to "
                            + QueryParameters.MAX_FILE_ROWS + ", and the whole filtered list (up to that) when absent"));
            case "from", "to" -> {
                if (parameter.getSchema() == null || parameter.getSchema().getFormat() == null) {
                    parameter.schema(new StringSchema().format("date"));
                }
            }
            default -> {
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void document(Parameter parameter, MethodParameter methodParameter, List<String> values) {
        Schema<String> one = new StringSchema();
        one.setEnum(values);
        if (Collection.class.isAssignableFrom(methodParameter.getParameterType())) {
            Schema many = new ArraySchema().items(one);
            parameter.schema(many);
        } else {
            parameter.schema(one);
        }
    }

    static List<String> values(AllowedValues allowed) {
        Object source;
        try {
            Field field = allowed.in().getDeclaredField(allowed.field());
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new IllegalStateException(allowed + ": the field is not static");
            }
            field.setAccessible(true);
            source = field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(allowed + " names no readable static field", e);
        }
        Collection<?> values = source instanceof Map<?, ?> map ? map.keySet()
                : source instanceof Collection<?> collection ? collection : null;
        if (values == null) {
            throw new IllegalStateException(allowed + " is neither a collection nor a map");
        }
        List<String> names = values instanceof List<?> ? values.stream().map(String::valueOf).toList()
                : List.copyOf(new TreeSet<>(values.stream().map(String::valueOf).toList()));
        if (!allowed.sort()) {
            return names;
        }
        List<String> sorts = new ArrayList<>();
        for (String name : names) {
            sorts.addAll(List.of(name, name + ",asc", name + ",desc"));
        }
        return sorts;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
