package coop.ledger.app;

import coop.ledger.shared.web.ProblemResponses;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem responses each operation documents are the ones its handler can answer, so that they cannot drift.
 * Both sides come from one declaration, {@link ProblemResponses#of}, read from the handler (path variables, a write
 * context, the HTTP method) plus what the handler declares with {@code @ApiResponse}; this test checks the document
 * against it, and then provokes on every operation each status that any request can provoke without a prepared
 * record: 401 (no login), 403 (a role that may not), 400 (a query string that is not UTF-8), 404 (ids no record has,
 * with a body of the documented shape), 413 (a body over the limit) and 415 (an encoded body). Each must come back
 * as documented, as problem+json. 409, 422 and 503 need a record in a given state, a reused key or a ledger still
 * starting; the API tests of each slice, {@code ConcurrentWritesTest} and the readiness tests provoke them.
 */
class ProblemResponsesContractTest extends LedgerHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @LocalServerPort
    private int port;

    @Test
    void every_operation_documents_the_problem_statuses_its_handler_can_answer() {
        JsonNode paths = ApiContractTest.served(api).json().path("paths");
        Map<String, SortedSet<Integer>> derived = derivedFromHandlers();
        Map<String, SortedSet<Integer>> documented = new TreeMap<>();
        paths.propertyStream().forEach(path -> path.getValue().propertyStream().forEach(operation ->
                documented.put(operation.getKey().toUpperCase() + " " + path.getKey(),
                        problemStatuses(operation.getValue()))));

        assertThat(documented).as("operations documented").hasSizeGreaterThanOrEqualTo(50);
        assertThat(documented).isEqualTo(derived);
    }

    @Test
    void each_status_any_request_can_provoke_comes_back_as_documented() throws IOException {
        JsonNode docs = ApiContractTest.served(api).json();
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> provoked = new TreeMap<>();
        docs.path("paths").propertyStream().forEach(path -> path.getValue().propertyStream().forEach(entry -> {
            String method = entry.getKey().toUpperCase();
            String template = path.getKey();
            JsonNode operation = entry.getValue();
            SortedSet<Integer> documented = problemStatuses(operation);
            boolean write = !method.equals("GET");
            String filled = VARIABLE.matcher(template).replaceAll("no-such-record-0");
            String body = write ? body(operation, docs.path("components")).toString() : null;

            List<Probe> probes = new ArrayList<>();
            probes.add(new Probe(401, () -> call(method, filled, body).anonymous().send()));
            probes.add(new Probe(403, () -> call(method, filled, body)
                    .as(write ? TestUsers.VIEWER : TestUsers.METRICS).send()));
            probes.add(new Probe(400, () -> call(method, filled + "?x=%FF", body).send()));
            if (template.contains("{")) {
                // a read that takes one of several parameters (as-of: recordedAt or businessDate) gets the first
                String query = write ? "" : firstInstantParameter(operation);
                probes.add(new Probe(404, () -> {
                    Reply reply = call(method, filled, body).send();
                    return reply.status() == 400 && !query.isEmpty() ? call(method, filled + query, body).send()
                            : reply;
                }));
            }
            if (write) {
                probes.add(new Probe(415, () -> call(method, filled, body).header("Content-Encoding", "gzip").send()));
                probes.add(new Probe(413, () -> declaringAHugeBody(method, filled)));
            }
            for (Probe probe : probes) {
                Reply reply = probe.send().get();
                String what = method + " " + template + " provoking " + probe.status() + ": " + reply;
                if (!documented.contains(probe.status())) {
                    wrong.add(what + " (not documented)");
                } else if (reply.status() != probe.status()) {
                    wrong.add(what);
                } else if (!reply.text().contains("\"type\"") || !String.valueOf(reply.contentType())
                        .startsWith("application/problem+json")) {
                    wrong.add(what + " (not problem+json)");
                } else {
                    provoked.merge(probe.status(), 1, Integer::sum);
                }
            }
        }));

        System.out.printf("ProblemResponsesContractTest: documented statuses provoked %s%n", provoked);
        assertThat(wrong).isEmpty();
        assertThat(provoked).containsKeys(400, 401, 403, 404, 413, 415);
    }

    private record Probe(int status, java.util.function.Supplier<Reply> send) {
    }

    private coop.ledger.testing.Api.Call call(String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path, JSON.readTree(body));
            default -> api.post(path, JSON.readTree(body == null ? "{}" : body));
        };
    }

    /**
     * A request declaring a body far over any limit: the ledger refuses it by its Content-Length before reading it,
     * so only the headers are sent (raw, because HTTP clients will not send a length they do not send).
     */
    private Reply declaringAHugeBody(String method, String path) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + TestUsers.basic(coop.ledger.testing.Api.RECORDER) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\nConnection: close\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = readAnswer(socket.getInputStream());
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(
                    Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
            return new Reply(status, headers, text.substring(split + 4), JSON.missingNode());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The answer, read up to its end: the container keeps the connection open for the body it was promised, so
     * reading until the socket closes would wait for nothing.
     */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            if (split >= 0) {
                Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, split));
                String rest = text.substring(split + 4);
                if (length.find() ? rest.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1))
                        : rest.endsWith("0\r\n\r\n")) {
                    return text;
                }
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketTimeoutException e) {
                return text;
            }
            if (n < 0) {
                return text;
            }
            answer.write(buffer, 0, n);
        }
    }

    /** A body of the documented shape: enough to reach the record the path names. */
    private static ObjectNode body(JsonNode operation, JsonNode components) {
        ObjectNode body = JSON.createObjectNode();
        JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json")
                .path("schema"), components);
        schema.path("properties").propertyStream().forEach(property -> {
            String field = property.getKey();
            JsonNode type = resolve(property.getValue(), components);
            if (type.path("type").asString("").equals("boolean")) {
                // before the amount rule: removeAgreedInvestment is a flag, though its name ends in "investment"
                body.put(field, false);
            } else if (property.getValue().path("$ref").asString("").endsWith("/Money") || field.equals("amount")
                    || field.toLowerCase().endsWith("investment")) {
                body.put(field, "100万元");
            } else if ("date".equals(type.path("format").asString(null))) {
                body.put(field, "2021-06-01");
            } else if (type.has("enum")) {
                body.put(field, type.path("enum").get(0).asString());
            } else if (type.path("type").asString("").equals("integer")) {
                body.put(field, 1);
            } else if (type.path("type").asString("").equals("array")) {
                JsonNode items = resolve(type.path("items"), components);
                body.set(field, JSON.createArrayNode().add(items.has("enum")
                        ? items.path("enum").get(0).asString() : "contract-probe"));
            } else if (field.equals("period")) {
                body.put(field, "2021");
            } else {
                body.put(field, "contract-probe");
            }
        });
        return body;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        String ref = schema.path("$ref").asString(null);
        if (ref == null && schema.path("allOf").isArray() && !schema.path("allOf").isEmpty()) {
            ref = schema.path("allOf").get(0).path("$ref").asString(null);
        }
        return ref == null ? schema : components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String firstInstantParameter(JsonNode operation) {
        return operation.path("parameters").valueStream()
                .filter(p -> p.path("in").asString().equals("query"))
                .filter(p -> p.path("schema").path("format").asString("").equals("date-time"))
                .map(p -> "?" + p.path("name").asString() + "=2021-06-01T00:00:00Z").findFirst().orElse("");
    }

    private static SortedSet<Integer> problemStatuses(JsonNode operation) {
        SortedSet<Integer> statuses = new TreeSet<>();
        operation.path("responses").propertyNames().stream().filter(code -> code.matches("[45]\\d\\d"))
                .map(Integer::valueOf).forEach(statuses::add);
        return statuses;
    }

    /** What ProblemResponses derives from each API handler, plus the problem statuses it declares itself. */
    private Map<String, SortedSet<Integer>> derivedFromHandlers() {
        Map<String, SortedSet<Integer>> derived = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            SortedSet<Integer> statuses = new TreeSet<>(ProblemResponses.of(handler));
            AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ApiResponse.class).stream()
                    .map(ApiResponse::responseCode).filter(code -> code.matches("[45]\\d\\d"))
                    .map(Integer::valueOf).forEach(statuses::add);
            io.swagger.v3.oas.annotations.Operation declared =
                    handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (declared != null) {
                for (ApiResponse response : declared.responses()) {
                    if (response.responseCode().matches("[45]\\d\\d")) {
                        statuses.add(Integer.valueOf(response.responseCode()));
                    }
                }
            }
            for (String path : mapping.getKey().getPatternValues()) {
                if (path.startsWith("/api/")) {
                    for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                        derived.put(method.name() + " " + path, statuses);
                    }
                }
            }
        }
        return derived;
    }
}
