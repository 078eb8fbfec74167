package coop.ledger.testing;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal must look like: RFC 9457 problem+json with the expected status, and no server internals. */
public final class Problems {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$.]*(:\\d+)?\\)");

    private Problems() {
    }

    public static Reply assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).as("status in %s", reply).isEqualTo(status);
        assertThat(reply.json().path("type").asString()).as("type in %s", reply)
                .startsWith("urn:cooperation-ledger:problem:");
        assertThat(reply.json().path("detail").asString()).as("detail in %s", reply).isNotBlank();
        assertThat(reply.json().has("trace")).as("trace in %s", reply).isFalse();
        assertThat(reply.json().has("exception")).as("exception in %s", reply).isFalse();
        assertThat(reply.text()).as("stack trace text in %s", reply)
                .doesNotContain("Caused by")
                .doesNotContainPattern(STACK_FRAME);
        return reply;
    }

    /** A 400 (or 422) naming {@code field} among its errors. */
    public static Reply assertInvalid(Reply reply, int status, String... fields) {
        assertProblem(reply, status);
        assertThat(reply.errorFields()).as("fields named by %s", reply).contains(fields);
        return reply;
    }

    /** A 409 (or 404) naming the broken {@code rule}. */
    public static Reply assertRule(Reply reply, int status, String rule) {
        assertProblem(reply, status);
        assertThat(reply.rule()).as("rule named by %s", reply).isEqualTo(rule);
        return reply;
    }
}
