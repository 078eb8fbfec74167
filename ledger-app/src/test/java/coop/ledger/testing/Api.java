package coop.ledger.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's HTTP API as a client sees it, over a real socket. Every call logs in with HTTP Basic as
 * {@value #RECORDER} (an administrator) unless a test says otherwise; see {@link TestUsers}.
 */
public final class Api {

    public static final String RECORDER = "ndrc-office";
    public static final String JSON = "application/json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final URI base;

    public Api(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    /** A POST of {@code body} (a JsonNode, a record or a map) as JSON, recorded by {@value #RECORDER}. */
    public Call post(String path, Object body) {
        return new Call("POST", path).json(body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path).json(body);
    }

    /** One request being put together; {@link #send()} sends it. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private String user = RECORDER;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Accept", "application/json, application/problem+json");
        }

        /** Logs in as {@code name} (one of {@link TestUsers}) instead of the default administrator. */
        public Call as(String name) {
            this.user = name;
            return this;
        }

        /** Sends no credentials at all. */
        public Call anonymous() {
            this.user = null;
            return this;
        }

        public Call json(Object value) {
            return body(MAPPER.writeValueAsString(value), JSON);
        }

        /** A body sent exactly as given, e.g. broken JSON or another media type. */
        public Call body(String text, String contentType) {
            this.body = text;
            headers.put("Content-Type", contentType);
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call without(String header) {
            headers.remove(header);
            return this;
        }

        /** The event's recorder is the login, so recording as someone means logging in as them. */
        public Call recordedBy(String recorder) {
            return as(recorder);
        }

        public Call ifMatch(long expectedVersion) {
            return header("If-Match", "\"" + expectedVersion + "\"");
        }

        public Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            if (user != null) {
                request.header("Authorization", TestUsers.basic(user));
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response.headers(), response.body(), parse(response.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " was interrupted", e);
            }
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (RuntimeException notJson) {
            return MAPPER.missingNode();
        }
    }
}
