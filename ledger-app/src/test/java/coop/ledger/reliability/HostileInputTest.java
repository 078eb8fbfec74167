package coop.ledger.reliability;

import coop.ledger.shared.RecordIds;
import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of bad requests, generated for every write endpoint the OpenAPI document lists (so a new endpoint is
 * covered without touching this test): broken JSON, keys given twice, wrong types, missing and unknown fields, huge
 * strings and bodies, invalid UTF-8, control characters and unpaired surrogates in texts, ids with spaces around,
 * absurd amounts and dates, unknown ids, injection-looking text, wrong content types, content encodings and methods,
 * bad If-Match and Idempotency-Key headers; and invalid UTF-8 in the query string of every endpoint and page. Every
 * answer must be a 4xx problem+json that names the problem (and the field, where there is one) without server
 * internals, and the event store must not change.
 *
 * <p>Undetected bad input must not be able to write either: bodies aim at existing records with a stale If-Match,
 * and creations name an id that is taken, so a request the ledger wrongly accepts would still be refused by a rule
 * (and show up in the histogram as a 409 where a 400 was due).
 */
class HostileInputTest extends LedgerHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern INTERNALS = Pattern.compile(
            "(\\bat [\\w$.]+\\([\\w$.]*(:\\d+)?\\)|Caused by|\\b(java|javax|jakarta|org\\.springframework|"
                    + "org\\.axonframework|org\\.h2|tools\\.jackson|com\\.fasterxml|coop\\.ledger)\\.[a-z]\\w*\\.|"
                    + "\\w+Exception\\b|SQLState|\\bSELECT\\b.*\\bFROM\\b)");
    private static final List<String> BAD_DATES = List.of("0000-00-00", "+999999999-12-31", "2021-02-30",
            "2021-13-01", "-0001-01-01", "2021/03/01", "yesterday", "");
    private static final List<Object> BAD_AMOUNTS = List.of("-5亿元", "1e400", "NaN", "Infinity", "-1", "0",
            "12abc", "1亿亿元", "9".repeat(400), "", true);
    private static final List<String> INJECTIONS = List.of("'; DROP TABLE domain_event_entry; --",
            "<script>alert(1)</script>", "../../../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "a\u0000b",
            "' OR '1'='1");
    /** The long free-text fields, where tab, line feed and carriage return are text like any other. */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("note", "notes", "reason", "evidence",
            "summary", "description", "purpose");
    private static final List<String> INVALID_UTF8_QUERIES = List.of("q=%FF", "x=%C3%28", "%FE%FF=1",
            "q=%ED%A0%80", "q=%C0%AF", "q=%F8%88%80%80%80");
    private static final List<String> INVALID_UTF8_IDS = List.of("%FF", "a%C3%28", "%ED%A0%80", "%C0%AFx");
    private static final List<String> BAD_PATH_IDS = List.of("no-such-record-" + System.nanoTime(),
            "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%00b",
            "x".repeat(300), "%E4%B8%87%E5%B7%9E", "..;");

    /** One generated bad request. */
    record Attack(String kind, String method, String path, String contentType, byte[] body, boolean chunked,
                  Map<String, String> headers, String field) {
    }

    @Autowired
    private JdbcTemplate jdbc;

    @LocalServerPort
    private int port;

    private final Map<String, String> pathIds = new LinkedHashMap<>();
    private String partyCode;
    private String agreementId;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void every_bad_request_to_every_write_endpoint_gets_a_4xx_problem_and_records_nothing() throws Exception {
        recordTargets();
        JsonNode docs = api.get("/v3/api-docs").send().json();
        List<Attack> attacks = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        docs.path("paths").propertyStream().forEach(path -> path.getValue().propertyStream().forEach(op -> {
            String method = op.getKey().toUpperCase();
            if (method.equals("GET") && path.getKey().startsWith("/api/") && !path.getKey().equals("/api/changes")) {
                attacks.addAll(queryAttacksOn(path.getKey(), op.getValue()));
            }
            boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                    || method.equals("DELETE");
            // Audit operations (seal now, restore an NDJSON export, rebuild projections) record no business fact
            // and take no JSON body; AuditApiTest and RestoreTest cover their refusals.
            if (write && !path.getKey().startsWith("/api/audit/")) {
                endpoints.add(method + " " + path.getKey());
                attacks.addAll(attacksOn(method, path.getKey(), op.getValue(), docs.path("components")));
            }
        }));
        // Pages outside the API read their parameters too (the login page, the health check, the documents).
        for (String page : List.of("/", "/login", "/actuator/health", "/v3/api-docs", "/index.html")) {
            attacks.addAll(queryAttacksOn(page, NODES.objectNode()));
        }
        assertThat(endpoints).as("write endpoints in the OpenAPI document").hasSizeGreaterThan(20)
                .contains("POST /api/parties", "PUT /api/parties/{code}/name", "POST /api/agreements",
                        "POST /api/projects", "POST /api/programmes", "POST /api/imports");

        Map<String, Long> before = storeCounts();
        Map<String, Integer> histogram = new TreeMap<>();
        Map<String, Map<String, Integer>> byKind = new TreeMap<>();
        Map<String, List<String>> failures = new TreeMap<>();
        for (Attack attack : attacks) {
            Reply reply = send(attack);
            histogram.merge(String.valueOf(reply.status()), 1, Integer::sum);
            byKind.computeIfAbsent(attack.kind(), k -> new TreeMap<>()).merge(String.valueOf(reply.status()), 1,
                    Integer::sum);
            String problem = judge(attack, reply);
            if (problem != null) {
                List<String> samples = failures.computeIfAbsent(problem + " (" + attack.kind() + ")",
                        k -> new ArrayList<>());
                if (samples.size() < 3) {
                    samples.add(attack.method() + " " + attack.path()
                            + (attack.field() == null ? "" : " [" + attack.field() + "]") + " -> " + abbreviate(reply));
                }
            }
        }
        System.out.printf("HostileInputTest: %d bad requests to %d write endpoints, statuses %s%n", attacks.size(),
                endpoints.size(), histogram);
        byKind.forEach((kind, statuses) -> System.out.printf("HostileInputTest:   %-22s %s%n", kind, statuses));
        assertThat(failures).as("answers that are not a proper 4xx problem").isEmpty();
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(1000);
        // Test classes run one at a time (no parallel execution is configured), so nothing else writes meanwhile.
        assertThat(storeCounts()).as("rows in the store").isEqualTo(before);
    }

    /** The existing records attacks aim at, so that a wrongly accepted body would still meet a rule. */
    private void recordTargets() {
        Party first = TestData.wanzhou();
        Party second = TestData.kaizhou();
        Party observer = TestData.yunyang();
        agreementId = signedAgreement(first, second, observer);
        partyCode = first.code();
        assertThat(api.post("/api/agreements/" + agreementId + "/items", object("itemId", "i1", "description",
                "水质监测数据共享", "listedOn", "2021-01-05")).send().status()).isEqualTo(201);
        Reply project = api.post("/api/projects", TestData.projectSigning(List.of(second), List.of(first))).send();
        assertThat(project.status()).as("%s", project).isEqualTo(201);
        Reply programme = api.post("/api/programmes", object("id", TestData.unique("programme"), "name", "川渝通办",
                "participants", List.of(first.code()), "period", "2021", "declaredOn", "2021-03-01")).send();
        assertThat(programme.status()).as("%s", programme).isEqualTo(201);
        assertThat(api.post("/api/programmes/" + programme.id() + "/items", object("itemId", "i1", "name", "医保关系转移接续",
                "listedOn", "2021-03-01")).send().status()).isEqualTo(201);
        pathIds.put("/api/parties/", first.code());
        pathIds.put("/api/agreements/", agreementId);
        pathIds.put("/api/projects/", project.id());
        pathIds.put("/api/programmes/", programme.id());
        pathIds.put("partyCode", observer.code());
        pathIds.put("itemId", "i1");
    }

    private List<Attack> attacksOn(String method, String template, JsonNode operation, JsonNode components) {
        List<Attack> attacks = new ArrayList<>();
        String path = fill(template, null);
        boolean importing = template.startsWith("/api/imports");
        JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json")
                .path("schema"), components);
        ObjectNode base = baseBody(template, schema, components);
        byte[] baseBytes = bytes(base);
        Map<String, String> stale = Map.of("If-Match", "\"999999\"");
        Consumer<Attack> add = attacks::add;

        // Bodies that are not JSON, or not the JSON asked for.
        List<String> malformed = new ArrayList<>(List.of("{", "{\"a\":}", "[1,2", "nul", "{\"x\":1}}", "'single'",
                "{\"a\":1,}", "", "null", "[]", "\"text\"", "123", "\uFEFF{garbage", "{\"a\" 1}", "{{}}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":\"unterminated"));
        if (!importing) {
            malformed.add(base.toString().replaceFirst("\\{", "{\"a\":1,\"a\":2,"));
        }
        for (String text : malformed) {
            add.accept(new Attack("malformed-json", method, path, "application/json",
                    text.getBytes(StandardCharsets.UTF_8), false, stale, null));
        }
        for (byte[] invalid : List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF, (byte) 0xFE},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})) {
            add.accept(new Attack("invalid-utf8", method, path, "application/json",
                    withInvalidBytes(importing ? object("parties", List.of(object("code", "x"))) : base, invalid),
                    false, stale, null));
        }
        // Bodies in a Content-Encoding the ledger does not decode (it decodes none): gzip that is not gzip, real gzip.
        byte[] plain = importing ? "{}".getBytes(StandardCharsets.UTF_8) : baseBytes;
        for (String[] encoded : List.of(new String[]{"gzip", "plain"}, new String[]{"gzip", "gzip"},
                new String[]{"deflate", "plain"}, new String[]{"br", "plain"}, new String[]{"x-unknown", "plain"})) {
            add.accept(new Attack("content-encoding", method, path, "application/json",
                    encoded[1].equals("gzip") ? gzip(plain) : plain, false,
                    Map.of("Content-Encoding", encoded[0], "If-Match", "\"999999\""), "Content-Encoding"));
        }
        // Invalid UTF-8 in the query string and in the path.
        for (String query : INVALID_UTF8_QUERIES) {
            add.accept(new Attack("invalid-utf8-query", method, path + "?" + query, "application/json", plain, false,
                    stale, null));
        }
        if (template.contains("{")) {
            for (String id : INVALID_UTF8_IDS) {
                add.accept(new Attack("invalid-utf8-path", method, fill(template, id), "application/json", baseBytes,
                        false, stale, null));
            }
        }
        // Ids in the path with a space (or another blank) before or after them.
        if (template.contains("{")) {
            for (String[] padded : paddedPathIds(template)) {
                add.accept(new Attack("padded-path-id", method, padded[1], "application/json", plain, false,
                        stale, padded[0]));
            }
        }
        // Wrong content types and methods.
        for (String[] typed : List.of(new String[]{"text/plain", base.toString()},
                new String[]{"application/xml", "<party><code>x</code></party>"},
                new String[]{"application/x-www-form-urlencoded", "code=x&kind=GOVERNMENT"},
                new String[]{"multipart/form-data; boundary=b", "--b\r\n\r\nx\r\n--b--"},
                new String[]{"image/png", "\u0089PNG"})) {
            add.accept(new Attack("content-type", method, path, typed[0], typed[1].getBytes(StandardCharsets.UTF_8),
                    false, stale, null));
        }
        for (String wrong : List.of("DELETE", "PATCH", method.equals("PUT") ? "POST" : "PUT")) {
            add.accept(new Attack("method", wrong, path, "application/json", baseBytes, false, stale, null));
        }
        // Bad write headers (each on its own: the header is the only defect besides the taken id).
        for (String ifMatch : List.of("\"abc\"", "-1", "W/x", "\"99999999999999999999\"", "\"1\", \"2\"", "3.5")) {
            add.accept(new Attack("if-match", method, path, "application/json", baseBytes, false,
                    Map.of("If-Match", ifMatch), "If-Match"));
        }
        for (String key : List.of("k".repeat(201), "a b", "tab\there", "")) {
            add.accept(new Attack("idempotency-key", method, path, "application/json", baseBytes, false,
                    Map.of("Idempotency-Key", key, "If-Match", "\"999999\""), "Idempotency-Key"));
        }
        if (importing) {
            for (String format : List.of("xml", "", "../../etc/passwd")) {
                add.accept(new Attack("format", method, path + "?format=" + format.replace("/", "%2F"),
                        "application/json", "{}".getBytes(StandardCharsets.UTF_8), false, Map.of(), "format"));
            }
            add.accept(new Attack("csv", method, path, "text/csv", "\"unterminated,\n\u0000,,".getBytes(
                    StandardCharsets.UTF_8), false, Map.of(), null));
            return attacks;
        }
        // Bodies over ledger.http.max-body-size (1 MB), declared and chunked.
        ObjectNode huge = base.deepCopy();
        huge.put("padding", "万".repeat(400_000));
        add.accept(new Attack("huge-body", method, path, "application/json", bytes(huge), false, stale, null));
        add.accept(new Attack("huge-body-chunked", method, path, "application/json", bytes(huge), true, stale, null));
        // Records that do not exist, and ids that try to escape.
        if (template.contains("{")) {
            for (String id : BAD_PATH_IDS) {
                add.accept(new Attack("unknown-id", method, fill(template, id), "application/json", baseBytes, false,
                        stale, null));
            }
        }
        // Field by field: wrong types, bad values, missing and unknown fields.
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        schema.path("properties").propertyStream().forEach(property -> {
            String field = property.getKey();
            JsonNode type = resolve(property.getValue(), components);
            List<JsonNode> values = new ArrayList<>();
            String kind;
            if (isMoney(property.getValue(), field)) {
                kind = "bad-amount";
                BAD_AMOUNTS.forEach(v -> values.add(JSON.valueToTree(v)));
                values.add(NODES.numberNode(-5));
                values.add(JSON.readTree("1e400"));
            } else if ("date".equals(type.path("format").asString(null))) {
                kind = "bad-date";
                BAD_DATES.forEach(v -> values.add(NODES.stringNode(v)));
                values.add(NODES.numberNode(20210301));
            } else if (type.path("type").asString("").equals("integer")) {
                kind = "bad-integer";
                List.of("abc", "1e400", "NaN").forEach(v -> values.add(NODES.stringNode(v)));
                values.add(JSON.readTree("1.5"));
                values.add(JSON.readTree("99999999999999999999"));
                values.add(NODES.numberNode(-1));
            } else if (type.path("type").asString("").equals("boolean")) {
                kind = "bad-boolean";
                values.add(NODES.stringNode("maybe"));
                values.add(NODES.numberNode(2));
                values.add(NODES.objectNode());
            } else if (type.path("type").asString("").equals("array")) {
                kind = "bad-list";
                values.add(NODES.stringNode("not a list"));
                values.add(NODES.objectNode());
                ArrayNode nulls = NODES.arrayNode();
                nulls.addNull();
                values.add(nulls);
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 5000; i++) {
                    many.add("p" + i);
                }
                values.add(many);
                values.add(NODES.arrayNode().add(injection(field, 0)));
            } else {
                kind = "bad-text";
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode().add(1));
                values.add(NODES.stringNode("字".repeat(20_000)));
                if (type.has("enum")) {
                    values.add(NODES.stringNode("NO_SUCH_" + field.toUpperCase()));
                }
                // Two of the injection texts per field, a different pair for each field, to keep the run short.
                values.add(NODES.stringNode(injection(field, 0)));
                values.add(NODES.stringNode(injection(field, 1)));
            }
            for (JsonNode value : values) {
                ObjectNode body = base.deepCopy();
                body.set(field, value);
                add.accept(new Attack(kind, method, path, "application/json", bytes(body), false, stale, field));
            }
            // The same key twice: refused, rather than the last one silently winning.
            String once = "\"" + field + "\":" + base.get(field).toString();
            add.accept(new Attack("duplicate-key", method, path, "application/json", base.toString()
                    .replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{" + once + ","))
                    .getBytes(StandardCharsets.UTF_8), false, stale, field));
            // Text the ledger does not record: control characters, unpaired surrogates, ids with spaces around.
            boolean text = kind.equals("bad-text") && !type.has("enum");
            boolean list = kind.equals("bad-list") && !resolve(type.path("items"), components).has("enum");
            if (text || list) {
                List<String> controls = new ArrayList<>(List.of("a\u0000b", "\u0007\u001b[31m", "x\u0085y",
                        "x\u007f"));
                if (!FREE_TEXT.contains(field)) {
                    controls.addAll(List.of("a\nb", "a\tb", "a\rb"));
                }
                for (String control : controls) {
                    add.accept(new Attack("control-character", method, path, "application/json",
                            bytes(withText(base, field, control, list)), false, stale, field));
                }
                // Written as JSON escapes: a lone surrogate has no UTF-8 form to send it in.
                for (String half : List.of("\\ud800", "a\\udc00b", "\\ud83c\\ud83c")) {
                    String body = withText(base, field, "@half@", list).toString().replace("@half@", half);
                    add.accept(new Attack("unpaired-surrogate", method, path, "application/json",
                            body.getBytes(StandardCharsets.UTF_8), false, stale, field));
                }
                JsonNode pattern = list ? resolve(type.path("items"), components).path("pattern")
                        : type.path("pattern");
                if (pattern.asString("").equals(RecordIds.PATTERN)) {
                    String id = list ? partyCode : base.get(field).asString();
                    for (String padded : List.of(" " + id, id + " ", "\u00a0" + id, id + "\u3000")) {
                        add.accept(new Attack("padded-id", method, path, "application/json",
                                bytes(withText(base, field, padded, list)), false, stale, field));
                    }
                }
            }
            if (required.contains(field)) {
                ObjectNode missing = base.deepCopy();
                missing.remove(field);
                add.accept(new Attack("missing-field", method, path, "application/json", bytes(missing), false,
                        stale, field));
                ObjectNode nulled = base.deepCopy();
                nulled.putNull(field);
                add.accept(new Attack("null-field", method, path, "application/json", bytes(nulled), false, stale,
                        field));
            }
        });
        for (String extra : List.of("recordedBy", "version", "__proto__", "unexpected")) {
            ObjectNode body = base.deepCopy();
            body.put(extra, "ndrc-office");
            add.accept(new Attack("extra-field", method, path, "application/json", bytes(body), false, stale, extra));
        }
        return attacks;
    }

    /** Bad query strings for every GET endpoint of the API: invalid UTF-8 in each parameter it declares. */
    private List<Attack> queryAttacksOn(String template, JsonNode operation) {
        List<Attack> attacks = new ArrayList<>();
        String path = fill(template, null);
        List<String> parameters = new ArrayList<>(List.of("unknown"));
        operation.path("parameters").forEach(p -> {
            if (p.path("in").asString("").equals("query")) {
                parameters.add(p.path("name").asString());
            }
        });
        for (String parameter : parameters) {
            for (String bad : List.of("%FF", "%C3%28", "%ED%A0%80", "%C0%AF")) {
                attacks.add(new Attack("invalid-utf8-query", "GET", path + "?" + parameter + "=" + bad,
                        "application/json", new byte[0], false, Map.of(), null));
            }
        }
        attacks.add(new Attack("invalid-utf8-query", "GET", path + "?%FF=1", "application/json", new byte[0], false,
                Map.of(), null));
        return attacks;
    }

    /** For each variable of {@code template}, its path with that variable's id padded: {variable name, path}. */
    private List<String[]> paddedPathIds(String template) {
        List<String[]> paths = new ArrayList<>();
        java.util.regex.Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (variables.find()) {
            String variable = variables.group(1);
            for (String[] pad : new String[][]{{"%20", ""}, {"", "%20"}, {"", "%09"}, {"%C2%A0", ""}}) {
                String filled = fill(template, null);
                String id = filledId(template, variable);
                String path = filled.replaceFirst("/" + Pattern.quote(id) + "(?=/|$)",
                        java.util.regex.Matcher.quoteReplacement("/" + pad[0] + id + pad[1]));
                paths.add(new String[]{variable, path});
            }
        }
        return paths;
    }

    /** The id {@link #fill} puts in for {@code variable} of {@code template}. */
    private String filledId(String template, String variable) {
        String[] parts = template.split("/");
        String[] filled = fill(template, null).split("/");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("{" + variable + "}")) {
                return filled[i];
            }
        }
        throw new IllegalArgumentException(variable);
    }

    /** {@code base} with {@code text} as the value of {@code field}, or as its one element when it is a list. */
    private static ObjectNode withText(ObjectNode base, String field, String text, boolean list) {
        ObjectNode body = base.deepCopy();
        if (list) {
            body.set(field, NODES.arrayNode().add(text));
        } else {
            body.put(field, text);
        }
        return body;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String injection(String field, int offset) {
        return INJECTIONS.get(Math.floorMod(field.hashCode() + offset, INJECTIONS.size()));
    }

    /** Why the answer is wrong, or null when it is a proper refusal. */
    private static String judge(Attack attack, Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return "not a 4xx";
        }
        if (reply.contentType() == null || !reply.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        if (!reply.json().path("type").asString("").startsWith("urn:cooperation-ledger:problem:")) {
            return "no problem type";
        }
        String detail = reply.json().path("detail").asString("");
        if (detail.isBlank()) {
            return "no detail";
        }
        if (INTERNALS.matcher(reply.text()).find()) {
            return "server internals in the body";
        }
        boolean shapeError = switch (attack.kind()) {
            case "malformed-json", "invalid-utf8", "missing-field", "null-field", "extra-field", "if-match",
                 "idempotency-key", "duplicate-key", "control-character", "unpaired-surrogate", "padded-id",
                 "invalid-utf8-query", "invalid-utf8-path", "padded-path-id" -> true;
            default -> false;
        };
        if (shapeError && reply.status() != 400) {
            return "expected 400";
        }
        if (attack.kind().startsWith("huge-body") && reply.status() != 413) {
            return "expected 413";
        }
        if ((attack.kind().equals("content-type") || attack.kind().equals("content-encoding"))
                && reply.status() != 415) {
            return "expected 415";
        }
        if (attack.kind().equals("method") && reply.status() != 405) {
            return "expected 405";
        }
        if (attack.field() != null && reply.status() == 400 && !reply.text().contains(attack.field())) {
            return "does not name " + attack.field();
        }
        return null;
    }

    private Reply send(Attack attack) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = attack.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(attack.body()))
                : HttpRequest.BodyPublishers.ofByteArray(attack.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + attack.path()))
                .timeout(Duration.ofSeconds(30))
                .method(attack.method(), body)
                .header("Content-Type", attack.contentType())
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", TestUsers.basic(Api.RECORDER));
        attack.headers().forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            json = JSON.missingNode();
        }
        return new Reply(response.statusCode(), response.headers(), response.body(), json);
    }

    /** A body of the right shape, aimed where an accepted write would still be refused (a taken id). */
    private ObjectNode baseBody(String template, JsonNode schema, JsonNode components) {
        ObjectNode body = NODES.objectNode();
        schema.path("properties").propertyStream().forEach(property -> {
            String field = property.getKey();
            JsonNode type = resolve(property.getValue(), components);
            if (isMoney(property.getValue(), field)) {
                body.put(field, "100万元");
            } else if ("date".equals(type.path("format").asString(null))) {
                body.put(field, "2021-06-01");
            } else if (type.has("enum")) {
                body.put(field, type.path("enum").get(0).asString());
            } else if (type.path("type").asString("").equals("integer")) {
                body.put(field, 1);
            } else if (type.path("type").asString("").equals("boolean")) {
                body.put(field, false);
            } else if (type.path("type").asString("").equals("object")) {
                // a nested object (e.g. a record's provenance) whose fields are all optional
                body.set(field, NODES.objectNode());
            } else if (type.path("type").asString("").equals("array")) {
                JsonNode items = resolve(type.path("items"), components);
                body.set(field, items.has("enum") ? NODES.arrayNode().add(items.path("enum").get(0).asString())
                        : NODES.arrayNode().add(partyCode));
            } else if (field.equals("period")) {
                body.put(field, "2021");
            } else if (field.equals("id") || field.equals("code")) {
                body.put(field, field.equals("code") ? partyCode : agreementId);
            } else {
                body.put(field, field.toLowerCase().contains("code") || field.startsWith("pay") && !field.equals(
                        "paymentId") ? partyCode : "hostile-input");
            }
        });
        return body;
    }

    private static boolean isMoney(JsonNode property, String field) {
        return property.path("$ref").asString("").endsWith("/Money") || field.equals("amount")
                || field.equals("agreedInvestment") || field.equals("plannedInvestment");
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        String ref = schema.path("$ref").asString(null);
        if (ref == null && schema.path("allOf").isArray() && !schema.path("allOf").isEmpty()) {
            ref = schema.path("allOf").get(0).path("$ref").asString(null);
        }
        return ref == null ? schema : components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private String fill(String template, String badId) {
        String path = template;
        for (Map.Entry<String, String> prefix : pathIds.entrySet()) {
            if (prefix.getKey().startsWith("/") && path.startsWith(prefix.getKey() + "{")) {
                String variable = path.substring(prefix.getKey().length(), path.indexOf('}') + 1);
                path = path.replace(variable, badId != null ? badId : prefix.getValue());
            }
        }
        // Sub-resource ids (partyCode, itemId, and any an endpoint adds later, e.g. paymentId, reportId).
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).replaceAll(m ->
                java.util.regex.Matcher.quoteReplacement(badId != null ? badId
                        : pathIds.getOrDefault(m.group(1), "hostile-probe")));
    }

    private Map<String, Long> storeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("domain_event_entry", "snapshot_event_entry", "idempotency_key",
                "record_directory")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private int port() {
        return port;
    }

    private static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withInvalidBytes(ObjectNode base, byte[] invalid) {
        String text = base.toString();
        int quote = text.indexOf("\":\"") + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, quote).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(invalid);
        out.writeBytes(text.substring(quote).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String abbreviate(Reply reply) {
        String text = reply.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
