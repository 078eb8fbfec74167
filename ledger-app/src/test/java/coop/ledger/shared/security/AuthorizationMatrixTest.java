package coop.ledger.shared.security;

import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the OpenAPI document (so a new endpoint cannot be forgotten) × anonymous, VIEWER, AUDITOR and
 * ADMIN: anonymous gets 401, a role without access 403, a role with access neither (the request itself may still
 * be refused for its content, e.g. 400 or 404). Integrity endpoints under /api/audit are for AUDITOR and ADMIN;
 * imports and their jobs (/api/imports) for ADMIN only.
 */
class AuthorizationMatrixTest extends LedgerHttpTest {

    private static final String ANONYMOUS = "anonymous";
    private static final String ADMIN = Api.RECORDER;
    private static final Set<String> READERS = Set.of(TestUsers.VIEWER, TestUsers.AUDITOR, ADMIN);
    private static final Set<String> WRITERS = Set.of(ADMIN);
    /** Integrity (/api/audit): auditors and administrators read, seal, check kept seals; administrators restore. */
    private static final Set<String> AUDITORS = Set.of(TestUsers.AUDITOR, ADMIN);

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_each_role_as_the_policy_says() {
        JsonNode paths = api.get("/v3/api-docs").anonymous().send().json().path("paths");
        assertThat(paths.size()).as("documented paths").isGreaterThan(10);
        List<DynamicTest> tests = new ArrayList<>();
        paths.propertyStream().forEach(path -> path.getValue().propertyStream().forEach(operation -> {
            String method = operation.getKey().toUpperCase();
            String url = path.getKey().replaceAll("\\{[^}]+}", "matrix-probe");
            Set<String> allowed = allowed(method, path.getKey());
            for (String user : List.of(ANONYMOUS, TestUsers.VIEWER, TestUsers.AUDITOR, ADMIN)) {
                tests.add(DynamicTest.dynamicTest(method + " " + path.getKey() + " as " + user,
                        () -> assertAccess(method, url, user, allowed)));
            }
        }));
        return tests.stream();
    }

    private static Set<String> allowed(String method, String path) {
        if (path.startsWith("/api/audit/")) {
            return method.equals("GET") || path.equals("/api/audit/seals") || path.equals("/api/audit/rebuild")
                    || path.equals("/api/audit/verification") ? AUDITORS : WRITERS;
        }
        if (path.startsWith("/api/imports")) {
            return WRITERS;
        }
        return method.equals("GET") ? READERS : WRITERS;
    }

    private void assertAccess(String method, String url, String user, Set<String> allowed) {
        Api.Call call = method.equals("GET") ? api.get(url) : method.equals("PUT") ? api.put(url, Map.of())
                : api.post(url, Map.of());
        Reply reply = (user.equals(ANONYMOUS) ? call.anonymous() : call.as(user)).send();
        if (user.equals(ANONYMOUS)) {
            assertThat(reply.status()).as("%s %s anonymously: %s", method, url, reply).isEqualTo(401);
        } else if (allowed.contains(user)) {
            assertThat(reply.status()).as("%s %s as %s: %s", method, url, user, reply)
                    .isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(reply.status()).as("%s %s as %s: %s", method, url, user, reply).isEqualTo(403);
        }
    }
}
