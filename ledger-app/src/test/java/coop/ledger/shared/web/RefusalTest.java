package coop.ledger.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal as problem+json: the same members inside Spring MVC and outside it. */
class RefusalTest {

    private final Refusal refusal = Refusal.of(HttpStatus.UNPROCESSABLE_CONTENT, "restore-refused", "Restore refused",
                    "line 7: the hash does not match")
            .withRule("restore.hash-mismatch")
            .withProperty("line", 7L);

    @Test
    void spring_mvc_answers_the_type_title_status_detail_and_the_members_beyond() {
        ProblemDetail problem = refusal.toProblemDetail();

        assertThat(problem.getType()).isEqualTo(URI.create("urn:cooperation-ledger:problem:restore-refused"));
        assertThat(problem.getTitle()).isEqualTo("Restore refused");
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getDetail()).isEqualTo("line 7: the hash does not match");
        assertThat(problem.getProperties()).containsExactly(Map.entry("rule", "restore.hash-mismatch"),
                Map.entry("line", 7L));
    }

    @Test
    void outside_spring_mvc_the_members_come_in_the_order_of_rfc_9457_then_errors_rule_and_values() {
        Refusal invalid = Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "kind: unknown")
                .withValues(Map.of("kind", "COUNTY")).withRule("party.kind").withError("kind", "unknown");

        assertThat(invalid.toProblemMembers("/api/parties").keySet())
                .containsExactly("type", "title", "status", "detail", "instance", "errors", "rule", "values");
        assertThat(invalid.toProblemMembers("/api/parties")).containsEntry("status", 400)
                .containsEntry("type", "urn:cooperation-ledger:problem:invalid-request")
                .containsEntry("errors", List.of(new Refusal.FieldProblem("kind", "unknown")));
    }

    @Test
    void without_an_instance_none_is_written() {
        assertThat(ProblemJson.of(Refusals.refusedByContainer(400), null)).isEqualTo(
                "{\"type\":\"urn:cooperation-ledger:problem:malformed-request\",\"title\":\"Request refused\","
                        + "\"status\":400,\"detail\":\"the request line or path is not acceptable (for example an "
                        + "encoded slash or a NUL character in the path)\"}");
    }
}
