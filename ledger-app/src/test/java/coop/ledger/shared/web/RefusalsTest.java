package coop.ledger.shared.web;

import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.shared.write.IdempotencyKeyReusedException;
import coop.ledger.shared.query.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of failure the ledger knows, and the one refusal it becomes for the API and for the import report. */
class RefusalsTest {

    @Nested
    class TheLedgersRulesAndRecords {

        @Test
        void a_broken_rule_is_409_naming_the_rule_and_its_values() {
            Refusal refusal = Refusals.classify(new RuleViolationException("agreement.too-few-signatories",
                    "an agreement needs at least two distinct signatories, got 1",
                    Map.of("signatories", List.of("kaizhou"))));

            assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal.type()).isEqualTo("rule-violation");
            assertThat(refusal.title()).isEqualTo("Rule violated: agreement.too-few-signatories");
            assertThat(refusal.detail()).isEqualTo("an agreement needs at least two distinct signatories, got 1");
            assertThat(refusal.rule()).isEqualTo("agreement.too-few-signatories");
            assertThat(refusal.values()).isEqualTo(Map.of("signatories", List.of("kaizhou")));
            assertThat(refusal.rowReason()).isEqualTo(refusal.detail());
        }

        @Test
        void a_rule_about_the_shape_of_a_field_is_400_naming_the_field() {
            Refusal refusal = Refusals.classify(new RuleViolationException("field.required", "kind must be given",
                    Map.of("field", "kind")));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("invalid-request");
            assertThat(refusal.rule()).isEqualTo("field.required");
            assertThat(refusal.errors()).containsExactly(new Refusal.FieldProblem("kind", "kind must be given"));
        }

        @Test
        void an_unknown_part_of_a_record_is_404_naming_the_rule() {
            Refusal refusal = Refusals.classify(new UnknownRecordException("item.not-listed",
                    "item zz is not on the cooperation list of agreement a", Map.of("itemId", "zz")));

            assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refusal.type()).isEqualTo("not-found");
            assertThat(refusal.rule()).isEqualTo("item.not-listed");
            assertThat(refusal.values()).isEqualTo(Map.of("itemId", "zz"));
        }

        @Test
        void a_record_the_ledger_does_not_hold_is_404() {
            Refusal refusal = Refusals.classify(new AggregateNotFoundException("wan-kai", "not found"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refusal.detail()).isEqualTo("no record with id wan-kai");
            assertThat(refusal.rule()).isNull();
        }

        @Test
        void a_record_not_found_by_a_read_is_404_with_its_message() {
            Refusal refusal = Refusals.classify(new RecordNotFoundException("party", "nobody"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refusal.detail()).isEqualTo("no party with id nobody");
        }

        @Test
        void an_id_of_another_kind_of_record_is_404_and_an_import_row_is_told_so_briefly() {
            Refusal refusal = Refusals.classify(new IncompatibleAggregateException("agreement"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refusal.detail())
                    .isEqualTo("no record of this kind with that id (the id belongs to a record of another kind)");
            assertThat(refusal.rowReason()).isEqualTo("the id belongs to a record of another kind");
        }

        @Test
        void an_id_already_taken_is_409_conflict_with_advice_for_a_request_and_for_a_row() {
            Refusal refusal = Refusals.classify(new AggregateStreamCreationException("taken"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal.type()).isEqualTo("conflict");
            assertThat(refusal.rule()).isEqualTo("record.already-exists");
            assertThat(refusal.detail()).endsWith("choose another id, or read the existing one");
            assertThat(refusal.rowReason())
                    .isEqualTo("a record with this id already exists (recorded other than by this file's row)");
        }

        @Test
        void a_concurrent_write_is_409_version_conflict_whichever_way_axon_reports_it() {
            Refusal concurrency = Refusals.classify(new ConcurrencyException("two writers"));
            Refusal conflicting = Refusals.classify(new ConflictingAggregateVersionException("a", 2, 3));

            assertThat(concurrency).isEqualTo(conflicting);
            assertThat(concurrency.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(concurrency.rule()).isEqualTo("version.conflict");
            assertThat(concurrency.detail()).endsWith("read it again and retry");
            assertThat(concurrency.rowReason()).endsWith("import the file again");
        }

        @Test
        void a_refusal_wrapped_by_the_command_bus_is_the_refusal_itself() {
            RuleViolationException violation = new RuleViolationException("payment.payer-is-payee",
                    "payer and payee are the same party kaizhou", Map.of("party", "kaizhou"));

            assertThat(Refusals.classify(new CommandExecutionException("failed", violation)))
                    .isEqualTo(Refusals.classify(violation));
        }
    }

    @Nested
    class TheRequest {

        @Test
        void an_idempotency_key_reused_for_another_request_is_422_naming_the_header() {
            Refusal refusal = Refusals.classify(new IdempotencyKeyReusedException("k-1"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(refusal.type()).isEqualTo("idempotency-key-reused");
            assertThat(refusal.errors()).extracting(Refusal.FieldProblem::field).containsExactly("Idempotency-Key");
        }

        @Test
        void a_bad_header_is_400_naming_the_header() {
            Refusal refusal = Refusals.classify(new InvalidHeaderException("If-Match", "If-Match must carry a version"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("invalid-request");
            assertThat(refusal.errors()).containsExactly(
                    new Refusal.FieldProblem("If-Match", "If-Match must carry a version"));
        }

        @Test
        void invalid_fields_are_400_naming_each_field_in_order() throws Exception {
            BeanPropertyBindingResult fields = new BeanPropertyBindingResult(new Object(), "body");
            fields.addError(new FieldError("body", "title", "must not be blank"));
            fields.addError(new FieldError("body", "signatories[1]", "must be a code"));
            MethodParameter parameter = new MethodParameter(RefusalsTest.class.getDeclaredMethod("body",
                    Object.class), 0);

            Refusal refusal = Refusals.classify(new MethodArgumentNotValidException(parameter, fields));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("invalid-request");
            assertThat(refusal.detail())
                    .isEqualTo("2 invalid fields: signatories[1] must be a code; title must not be blank");
            assertThat(refusal.errors()).extracting(Refusal.FieldProblem::field)
                    .containsExactly("signatories[1]", "title");
        }

        @Test
        void an_unknown_field_of_the_body_is_400_malformed_naming_the_field() {
            Refusal refusal = Refusals.classify(unreadable("{\"signedOn\": \"2021-01-01\", \"signedBy\": \"x\"}"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("malformed-request");
            assertThat(refusal.detail()).isEqualTo("signedBy: is not a known field");
            assertThat(refusal.errors()).containsExactly(new Refusal.FieldProblem("signedBy", "is not a known field"));
        }

        @Test
        void a_value_of_the_wrong_type_is_400_saying_what_was_expected() {
            Refusal refusal = Refusals.classify(unreadable("{\"signedOn\": \"someday\"}"));

            assertThat(refusal.errors()).containsExactly(
                    new Refusal.FieldProblem("signedOn", "must be a date written yyyy-MM-dd"));
        }

        @Test
        void a_key_given_twice_is_400_malformed_naming_the_key_by_its_path() {
            JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            JacksonException e = catchThrowableOfType(JacksonException.class, () -> strict.readTree(
                    "{\"items\":[{\"amount\":\"1\"},{\"amount\":\"1\",\"amount\":\"2\"}]}"));

            Refusal refusal = Refusals.classify(new HttpMessageNotReadableException("unreadable", e,
                    new MockHttpInputMessage(new byte[0])));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("malformed-request");
            assertThat(refusal.errors()).containsExactly(new Refusal.FieldProblem("items[1].amount",
                    "is given more than once in the same JSON object"));
        }

        @Test
        void a_text_with_a_control_character_is_400_invalid_naming_the_field_and_rule() {
            JsonMapper strict = JsonMapper.builder().addModule(StrictText.module()).build();
            JacksonException e = catchThrowableOfType(JacksonException.class, () -> strict.readValue(
                    "{\"title\":\"a\\u0000b\"}", Titled.class));

            Refusal refusal = Refusals.classify(new HttpMessageNotReadableException("unreadable", e,
                    new MockHttpInputMessage(new byte[0])));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("invalid-request");
            assertThat(refusal.rule()).isEqualTo("text.control-character");
            assertThat(refusal.errors()).extracting(Refusal.FieldProblem::field).containsExactly("title");
        }

        @Test
        void a_body_in_a_content_encoding_the_ledger_does_not_decode_is_415() {
            Refusal refusal = Refusals.classify(new UnsupportedContentEncodingException("gzip"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(refusal.type()).isEqualTo("unsupported-content-encoding");
            assertThat(refusal.detail()).contains("Content-Encoding gzip");
            assertThat(refusal.errors()).extracting(Refusal.FieldProblem::field).containsExactly("Content-Encoding");
        }

        @Test
        void an_id_in_the_path_with_a_space_around_it_is_400_naming_the_variable() {
            Refusal refusal = Refusals.classify(catchThrowableOfType(InvalidPathVariableException.class,
                    () -> PathIdCheck.check("partyCode", "wanzhou\u3000")));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("invalid-request");
            assertThat(refusal.errors()).containsExactly(new Refusal.FieldProblem("partyCode",
                    "must not begin or end with a space"));
        }

        @Test
        void a_query_string_that_is_not_utf8_is_400_naming_the_query_even_when_tomcat_finds_it_first() {
            Refusal checked = Refusals.classify(InvalidUtf8Exception.inQuery("at character 3"));
            Refusal tomcat = Refusals.classify(new IllegalStateException(
                    new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed", 400)));

            for (Refusal refusal : List.of(checked, tomcat)) {
                assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(refusal.type()).isEqualTo("malformed-request");
                assertThat(refusal.errors()).extracting(Refusal.FieldProblem::field).containsExactly("query");
            }
        }

        @Test
        void a_body_that_is_not_json_is_400_naming_the_body() {
            Refusal refusal = Refusals.classify(unreadable("{\"signedOn\":"));

            assertThat(refusal.type()).isEqualTo("malformed-request");
            assertThat(refusal.errors()).extracting(Refusal.FieldProblem::field).containsExactly("body");
            assertThat(refusal.detail()).startsWith("is not valid JSON: ");
        }

        @Test
        void a_body_over_the_limit_while_it_was_read_is_413() {
            Refusal refusal = Refusals.classify(new HttpMessageNotReadableException("too large",
                    new UncheckedIOException(new BodyTooLargeException(1024, "ledger.http.max-body-size")),
                    new MockHttpInputMessage(new byte[0])));

            assertThat(refusal.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(refusal.type()).isEqualTo("body-too-large");
            assertThat(refusal.detail())
                    .isEqualTo("the request body is larger than the limit of 1024 bytes (ledger.http.max-body-size)");
        }

        @Test
        void a_body_over_the_limit_by_its_length_is_413_naming_the_limit_that_applies() {
            Refusal refusal = Refusals.classify(new BodyTooLargeException(50, "ledger.import.max-body-size"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(refusal.detail()).endsWith("50 bytes (ledger.import.max-body-size)");
        }

        @Test
        void a_body_that_is_not_utf8_is_400_malformed_however_deep_the_cause() {
            Refusal refusal = Refusals.classify(new IllegalStateException(
                    new UncheckedIOException(new InvalidUtf8Exception(8))));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("malformed-request");
            assertThat(refusal.errors()).containsExactly(new Refusal.FieldProblem("body",
                    "the request body is not valid UTF-8 (at byte 8)"));
        }

        @Test
        void a_broken_multipart_body_is_400_malformed() {
            Refusal refusal = Refusals.classify(new MultipartException("broken"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.errors()).containsExactly(new Refusal.FieldProblem("body", "is not valid multipart"));
        }

        @Test
        void spring_mvcs_own_refusals_keep_their_status_and_words() {
            Refusal wrongMethod = Refusals.classify(new HttpRequestMethodNotSupportedException("PUT"));
            Refusal tooLarge = Refusals.classify(new MaxUploadSizeExceededException(10));

            assertThat(wrongMethod.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
            assertThat(wrongMethod.type()).isEqualTo("http-405");
            assertThat(wrongMethod.title()).isEqualTo("Method Not Allowed");
            assertThat(wrongMethod.detail()).isEqualTo("Method 'PUT' is not supported.");
            assertThat(tooLarge.type()).isEqualTo("http-413");
        }

        @Test
        void no_valid_login_is_401_and_a_role_that_may_not_is_403() {
            assertThat(Refusals.classify(new BadCredentialsException("bad")).status())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(Refusals.classify(new BadCredentialsException("bad")).type()).isEqualTo("unauthorized");
            assertThat(Refusals.classify(new AccessDeniedException("no")).status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(Refusals.classify(new AccessDeniedException("no")).type()).isEqualTo("forbidden");
        }

        @Test
        void a_path_the_firewall_refuses_is_400_malformed() {
            Refusal refusal = Refusals.classify(new RequestRejectedException("encoded slash"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.type()).isEqualTo("malformed-request");
        }

        @Test
        void an_exception_of_a_slice_says_its_own_refusal() {
            InvalidParameterException badSort = new InvalidParameterException("sort", "must name a field");

            assertThat(Refusals.classify(badSort)).isEqualTo(badSort.refusal());
            assertThat(badSort.refusal().errors()).containsExactly(
                    new Refusal.FieldProblem("sort", "sort: must name a field"));
        }
    }

    @Nested
    class Everything {

        @Test
        void anything_else_is_an_unexpected_500_that_names_no_internals_to_the_client() {
            Refusal refusal = Refusals.classify(new IllegalStateException("the pool is exhausted"));

            assertThat(refusal.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(refusal.unexpected()).isTrue();
            assertThat(refusal.detail()).isEqualTo("the ledger could not handle this request; nothing was recorded")
                    .doesNotContain("IllegalStateException", "pool");
            assertThat(refusal.rowReason())
                    .isEqualTo("the ledger could not record this row (IllegalStateException); nothing was recorded");
        }

        @Test
        void a_long_detail_is_one_short_line_in_the_answer_and_whole_in_the_import_report() {
            String message = "party " + "x".repeat(400) + "\n is not registered";

            Refusal refusal = Refusals.classify(new RuleViolationException("party.unknown", message, Map.of()));

            assertThat(refusal.detail()).hasSize(301).endsWith("…").doesNotContain("\n");
            assertThat(refusal.rowReason()).isEqualTo(message);
        }

        @Test
        void a_store_too_busy_for_a_write_is_a_503_to_retry_not_a_500() {
            java.sql.SQLException h2LockTimeout = new java.sql.SQLException(
                    "Timeout trying to lock table IDEMPOTENCY_KEY", "HYT00", 50200);
            java.sql.SQLException postgresDeadlock = new java.sql.SQLException("deadlock detected", "40P01");

            for (Throwable busy : List.of(new IllegalStateException("append failed", h2LockTimeout),
                    new org.springframework.dao.CannotAcquireLockException("lock", postgresDeadlock),
                    new java.sql.SQLTransactionRollbackException("could not serialize access", "40001"))) {
                Refusal refusal = Refusals.classify(busy);
                assertThat(refusal.status()).as("%s", busy).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(refusal.type()).isEqualTo("store-busy");
                assertThat(refusal.unexpected()).isFalse();
            }
            assertThat(Refusals.classify(new java.sql.SQLException("syntax error", "42601")).status())
                    .as("a store failure a retry cannot cure").isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        }

        @Test
        void a_request_the_servlet_container_refused_reads_like_the_others() {
            assertThat(Refusals.refusedByContainer(400).type()).isEqualTo("malformed-request");
            assertThat(Refusals.refusedByContainer(505).type()).isEqualTo("http-505");
        }
    }

    /** A request body with one text. */
    record Titled(String title) {
    }

    /** A request body with one date, read by a mapper that refuses unknown fields, as the ledger's does. */
    record Body(LocalDate signedOn) {
    }

    private static HttpMessageNotReadableException unreadable(String json) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> mapper.readValue(json, Body.class));
        return new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(new byte[0]));
    }

    @SuppressWarnings("unused")
    private static void body(Object body) {
    }
}
