package coop.ledger.project;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.project.api.ReportInvestmentCommand;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import coop.ledger.testing.WebSliceTest;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How the signed-project endpoints map requests to commands, and answer refusals, without the rest of the ledger. */
@WebSliceTest(ProjectController.class)
class ProjectControllerTest {

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
    void a_signing_that_does_not_say_intention_records_a_signed_project() {
        when(commands.send(anyString(), any(), any())).thenReturn(new WriteResult("saic-hongyan", 1, false));

        var reply = mvc.post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"id": "saic-hongyan", "name": "上汽红岩新能源重卡", "investors": ["saic"],
                         "hostParties": ["wanzhou"], "domain": "INDUSTRY", "agreedInvestment": "40亿元",
                         "signedOn": "2020-11-23"}""")
                .exchange();

        assertThat(reply).hasStatus(201).hasHeader("Location", "/api/projects/saic-hongyan");
        verify(commands).send("saic-hongyan", new SignProjectCommand("saic-hongyan", "上汽红岩新能源重卡",
                List.of("saic"), List.of("wanzhou"), null, null, CooperationDomain.INDUSTRY,
                Money.ofYuan("4000000000"), LocalDate.of(2020, 11, 23), false, null, null),
                new WriteContext(WebSliceTest.RECORDER, null, null));
    }

    @Test
    void an_investment_report_without_an_id_is_named_after_the_idempotency_key() {
        WriteContext context = new WriteContext(WebSliceTest.RECORDER, null, "invest-2021");
        String reportId = context.newRecordId();
        when(commands.send(anyString(), any(), any())).thenReturn(new WriteResult("saic-hongyan", 2, false));

        var reply = mvc.post().uri("/api/projects/saic-hongyan/investments").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "invest-2021")
                .content("""
                        {"amount": "1100万元", "reportedOn": "2021-06-30"}""")
                .exchange();

        assertThat(reply).hasStatus(201)
                .hasHeader("Location", "/api/projects/saic-hongyan#investment-" + reportId);
        verify(commands).send("saic-hongyan", new ReportInvestmentCommand("saic-hongyan", reportId,
                Money.ofYuan("11000000"), LocalDate.of(2021, 6, 30), null, null), context);
    }

    @Test
    void an_id_already_taken_is_409_conflict() {
        when(commands.send(anyString(), any(), any())).thenThrow(new AggregateStreamCreationException("taken"));

        var reply = mvc.post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"id": "saic-hongyan", "name": "上汽红岩新能源重卡", "investors": ["saic"],
                         "hostParties": ["wanzhou"], "domain": "INDUSTRY", "signedOn": "2020-11-23"}""")
                .exchange();

        assertThat(reply).hasStatus(409);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:conflict", "title": "Record already exists",
                 "rule": "record.already-exists"}""");
    }

    @Test
    void an_unknown_field_is_400_malformed_naming_it_and_sends_nothing() {
        var reply = mvc.post().uri("/api/projects/saic-hongyan/start").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"startedOn": "2021-07-01", "startedBy": "someone"}""")
                .exchange();

        assertThat(reply).hasStatus(400);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:malformed-request",
                 "detail": "startedBy: is not a known field",
                 "errors": [{"field": "startedBy", "message": "is not a known field"}]}""");
        verifyNoInteractions(commands);
    }
}
