package coop.ledger.shared.sheet;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Spreadsheet downloads of the list and statistics answers: the {@code format} parameter or the {@code Accept}
 * header chooses the converter, the slices' {@link SheetLayout}s say how each answer reads as a sheet, and the
 * OpenAPI document lists the two file types next to JSON for exactly the operations that have a layout.
 */
@Configuration(proxyBeanMethods = false)
class SheetConfig implements WebMvcConfigurer {

    private final ObjectProvider<SheetLayout<?, ?>> layouts;

    SheetConfig(ObjectProvider<SheetLayout<?, ?>> layouts) {
        this.layouts = layouts;
    }

    /** After the JSON converter, so that a client that accepts anything still gets JSON. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(converter());
    }

    /**
     * {@code format=csv|xlsx|json} asks for that type; without it (or with a value the handler will refuse as 400)
     * the {@code Accept} header decides, as before.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        ContentNegotiationStrategy format = request -> {
            HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
            org.springframework.http.MediaType type = http == null ? null
                    : SheetFormat.mediaType(formatOf(http.getQueryString()));
            return type == null ? ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST : List.of(type);
        };
        configurer.strategies(List.of(format, jsonFirst(new HeaderContentNegotiationStrategy())));
    }

    /**
     * A client whose {@code Accept} takes JSON as readily as anything else gets JSON: a generated API client lists
     * every type the document names for an answer (JSON, CSV and XLSX alike) and must not be handed a file. Only a
     * client that prefers a file type (or names no JSON) gets one.
     */
    static ContentNegotiationStrategy jsonFirst(ContentNegotiationStrategy header) {
        return request -> {
            List<org.springframework.http.MediaType> accepted = header.resolveMediaTypes(request);
            double best = accepted.stream().mapToDouble(org.springframework.http.MediaType::getQualityValue).max()
                    .orElse(1.0);
            boolean jsonAtBest = accepted.stream().anyMatch(type -> type.getQualityValue() == best
                    && type.includes(org.springframework.http.MediaType.APPLICATION_JSON));
            if (!jsonAtBest) {
                return accepted;
            }
            List<org.springframework.http.MediaType> ordered = new java.util.ArrayList<>();
            ordered.add(org.springframework.http.MediaType.APPLICATION_JSON);
            ordered.addAll(accepted);
            return ordered;
        };
    }

    /**
     * The {@code format} of the query string only: {@code getParameter} would also parse a form or multipart body,
     * and a broken body must stay a 4xx of the handler that reads it, not fail here.
     */
    static String formatOf(String query) {
        if (query == null) {
            return null;
        }
        try {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && UriUtils.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals("format")) {
                    return UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException malformedEscape) {
            // not a format we write; the handler's parameter checks answer the malformed query
        }
        return null;
    }

    @Bean
    OperationCustomizer spreadsheetResponses() {
        SheetConverter converter = converter();
        return (operation, handler) -> {
            ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (ok != null && converter.layoutOf(answer).isPresent()) {
                Content content = ok.getContent() == null ? new Content() : ok.getContent();
                content.addMediaType(SheetFormat.CSV_VALUE, new MediaType().schema(new StringSchema()
                        .description("UTF-8 with BOM; first row the headings (中文 / English)")));
                content.addMediaType(SheetFormat.XLSX_VALUE, new MediaType().schema(new StringSchema().format("binary")
                        .description("one worksheet; first row the headings (中文 / English)")));
                ok.setContent(content);
            }
            return operation;
        };
    }

    private SheetConverter converter() {
        return new SheetConverter(layouts.orderedStream().toList());
    }
}
