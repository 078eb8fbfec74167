package coop.ledger.processing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link QueryCache} answer as JSON from the bytes it was first written as, with their strong ETag, and
 * answers {@code 304 Not Modified} (no body) to a {@code GET} whose {@code If-None-Match} names that ETag.
 * <p>
 * It sits just before the Jackson converter and takes only the answer the handler of this very request got from
 * the cache, and only when content negotiation chose JSON: a CSV or XLSX download is still written by its own
 * converter from the answer object, and every other body (problem+json among them) by Jackson. The first write of
 * an answer goes through the Jackson converter itself, so the bytes are exactly what Jackson would have sent.
 * Security, parameter checks and the handler run on every request as before; only the serializing is saved.
 */
class CachedJsonConverter implements SmartHttpMessageConverter<Object> {

    private final SmartHttpMessageConverter<Object> jackson;

    CachedJsonConverter(SmartHttpMessageConverter<Object> jackson) {
        this.jackson = jackson;
    }

    @Override
    public boolean canWrite(ResolvableType targetType, Class<?> valueClass, MediaType mediaType) {
        QueryCache.OfferedAnswer offered = offered();
        return offered != null && offered.value() != null && offered.value().getClass() == valueClass
                && (mediaType == null || isPlainJson(mediaType));
    }

    /** {@code application/json} in UTF-8 (Jackson's default), the type the stored bytes are in. */
    private static boolean isPlainJson(MediaType mediaType) {
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType)
                && (mediaType.getCharset() == null || StandardCharsets.UTF_8.equals(mediaType.getCharset()));
    }

    @Override
    public void write(Object answer, ResolvableType type, MediaType contentType, HttpOutputMessage output,
                      Map<String, Object> hints) throws IOException {
        QueryCache.OfferedAnswer offered = offered();
        SerializedAnswer.Json json = offered != null && offered.value() == answer
                ? offered.serialized().json(() -> serialize(answer, type, contentType, hints))
                : serialize(answer, type, contentType, hints);
        HttpHeaders headers = output.getHeaders();
        headers.setETag(json.eTag());
        // The ETag is that of the JSON bytes; another Accept can get another representation of the same URL.
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (output instanceof ServerHttpResponse response && clientHas(json.eTag())) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            response.flush();
            return;
        }
        headers.setContentType(json.contentType());
        headers.setContentLength(json.bytes().length);
        OutputStream body = output.getBody();
        body.write(json.bytes());
        body.flush();
    }

    private SerializedAnswer.Json serialize(Object answer, ResolvableType type, MediaType contentType,
                                            Map<String, Object> hints) {
        InMemoryOutput memory = new InMemoryOutput();
        try {
            jackson.write(answer, type, contentType, memory, hints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaType written = memory.getHeaders().getContentType();
        return SerializedAnswer.Json.of(memory.bytes.toByteArray(),
                written != null ? written : MediaType.APPLICATION_JSON);
    }

    /** Whether this GET or HEAD request's {@code If-None-Match} names {@code eTag} (or is {@code *}). */
    private static boolean clientHas(String eTag) {
        HttpServletRequest request = servletRequest();
        if (request == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return false;
        }
        for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x".
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(eTag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static QueryCache.OfferedAnswer offered() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(QueryCache.ANSWER, RequestAttributes.SCOPE_REQUEST)
                instanceof QueryCache.OfferedAnswer offered ? offered : null;
    }

    private static HttpServletRequest servletRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return false;
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
            throws HttpMessageNotReadableException {
        throw new UnsupportedOperationException("cached answers are only written");
    }

    /** Where the Jackson converter writes an answer the first time: memory, not the response. */
    private static final class InMemoryOutput implements HttpOutputMessage {
        private final HttpHeaders headers = new HttpHeaders();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

        @Override
        public OutputStream getBody() {
            return bytes;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
