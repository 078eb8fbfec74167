package coop.ledger.programme;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.programme.api.CompleteServiceItemCommand;
import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.write.IdempotencyKeyReusedException;
import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import coop.ledger.testing.WebSliceTest;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How the programme endpoints map requests to commands, and answer refusals, without the rest of the ledger. */
@WebSliceTest(ProgrammeController.class)
class ProgrammeControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CommandSender commands;

    @MockitoBean
    QueryGateway queries;

    /** The detail views name their parties from the directory; a mock knows none, so every name is null here. */
    @MockitoBean
    RecordDirectory names;

    @Test
    void a_declaration_becomes_the_declare_command() {
        when(commands.send(anyString(), any(), any())).thenReturn(new WriteResult("wan-da-kai-services", 1, false));

        var reply = mvc.post().uri("/api/programmes").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"id": "wan-da-kai-services", "name": "万达开政务服务通办", "participants": ["wanzhou", "dazhou"],
                         "period": "2021", "categories": ["社保"], "declaredOn": "2021-03-01"}""")
                .exchange();

        assertThat(reply).hasStatus(201).hasHeader("Location", "/api/programmes/wan-da-kai-services");
        verify(commands).send("wan-da-kai-services", new DeclareProgrammeCommand("wan-da-kai-services",
                "万达开政务服务通办", List.of("wanzhou", "dazhou"), "2021", List.of("社保"), LocalDate.of(2021, 3, 1),
                null), new WriteContext(WebSliceTest.RECORDER, null, null));
    }

    @Test
    void a_completion_names_the_item_of_the_path_and_the_expected_version() {
        when(commands.send(anyString(), any(), any())).thenReturn(new WriteResult("wan-da-kai-services", 5, false));

        var reply = mvc.post().uri("/api/programmes/wan-da-kai-services/items/pension/complete")
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "W/\"4\"")
                .content("""
                        {"completedOn": "2021-09-01", "evidence": "通报第3期"}""")
                .exchange();

        assertThat(reply).hasStatus(200).hasHeader("ETag", "\"5\"");
        verify(commands).send("wan-da-kai-services", new CompleteServiceItemCommand("wan-da-kai-services", "pension",
                LocalDate.of(2021, 9, 1), "通报第3期", 4L), new WriteContext(WebSliceTest.RECORDER, 4L, null));
    }

    @Test
    void an_idempotency_key_reused_for_another_request_is_422_naming_the_header() {
        when(commands.send(anyString(), any(), any())).thenThrow(new IdempotencyKeyReusedException("k-1"));

        var reply = mvc.post().uri("/api/programmes/wan-da-kai-services/items/pension/withdraw")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "k-1")
                .content("""
                        {"withdrawnOn": "2021-09-01", "reason": "并入其他事项"}""")
                .exchange();

        assertThat(reply).hasStatus(422);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:idempotency-key-reused",
                 "errors": [{"field": "Idempotency-Key"}]}""");
    }

    @Test
    void an_id_of_a_record_of_another_kind_is_404() {
        when(commands.send(anyString(), any(), any())).thenThrow(new IncompatibleAggregateException("agreement"));

        var reply = mvc.post().uri("/api/programmes/wan-kai/items").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "异地就医结算", "listedOn": "2021-03-01"}""")
                .exchange();

        assertThat(reply).hasStatus(404);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:not-found",
                 "detail": "no record of this kind with that id (the id belongs to a record of another kind)"}""");
    }
}
