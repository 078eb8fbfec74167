package coop.ledger.agreement;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.ListCooperationItemCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import coop.ledger.testing.WebSliceTest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How the agreement endpoints map requests to commands, and answer refusals, without the rest of the ledger. */
@WebSliceTest(AgreementController.class)
class AgreementControllerTest {

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
    void a_signing_without_an_id_records_the_agreement_under_an_id_derived_from_the_idempotency_key() {
        WriteContext context = new WriteContext(WebSliceTest.RECORDER, null, "sign-wan-kai");
        String id = context.newRecordId();
        when(commands.send(anyString(), any(), any())).thenReturn(new WriteResult(id, 1, false));

        var reply = mvc.post().uri("/api/agreements").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "sign-wan-kai")
                .content("""
                        {"title": "万达开川渝统筹发展示范区合作框架协议", "kind": "FRAMEWORK",
                         "signatories": ["wanzhou", "kaizhou"], "observers": ["dazhou"], "signedOn": "2020-12-08",
                         "place": "万州", "domains": ["TRANSPORT"]}""")
                .exchange();

        assertThat(reply).hasStatus(201).hasHeader("Location", "/api/agreements/" + id);
        verify(commands).send(id, new SignAgreementCommand(id, "万达开川渝统筹发展示范区合作框架协议",
                AgreementKind.FRAMEWORK, List.of("wanzhou", "kaizhou"), List.of("dazhou"), LocalDate.of(2020, 12, 8),
                "万州", null, Set.of(CooperationDomain.TRANSPORT), null), context);
    }

    @Test
    void a_listing_carries_the_expected_version_and_the_location_names_the_item() {
        when(commands.send(anyString(), any(), any())).thenReturn(new WriteResult("wan-kai", 3, false));

        var reply = mvc.post().uri("/api/agreements/wan-kai/items").contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"2\"")
                .content("""
                        {"itemId": "joint-park", "description": "共建产业园", "listedOn": "2021-01-06",
                         "responsibleParties": ["wanzhou"], "itemCount": 3}""")
                .exchange();

        assertThat(reply).hasStatus(201).hasHeader("Location", "/api/agreements/wan-kai#item-joint-park")
                .hasHeader("ETag", "\"3\"");
        verify(commands).send("wan-kai", new ListCooperationItemCommand("wan-kai", "joint-park", "共建产业园", null,
                List.of("wanzhou"), null, LocalDate.of(2021, 1, 6), 3, null, 2L),
                new WriteContext(WebSliceTest.RECORDER, 2L, null));
    }

    @Test
    void an_agreement_the_ledger_does_not_hold_is_404() {
        when(commands.send(anyString(), any(), any()))
                .thenThrow(new AggregateNotFoundException("no-such-agreement", "not found"));

        var reply = mvc.post().uri("/api/agreements/no-such-agreement/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"payer": "kaizhou", "payee": "yunyang", "amount": "1100万元", "paidOn": "2021-09-28"}""")
                .exchange();

        assertThat(reply).hasStatus(404);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:not-found", "title": "Record not found",
                 "detail": "no record with id no-such-agreement"}""");
    }

    @Test
    void a_refusal_wrapped_by_the_command_bus_is_answered_as_the_refusal_itself() {
        when(commands.send(anyString(), any(), any())).thenThrow(new CommandExecutionException("refused",
                new UnknownRecordException("item.not-listed", "item zz is not on the cooperation list of agreement "
                        + "wan-kai", Map.of("itemId", "zz"))));

        var reply = mvc.post().uri("/api/agreements/wan-kai/items/zz/start").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"startedOn": "2021-02-01"}""")
                .exchange();

        assertThat(reply).hasStatus(404);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:not-found", "rule": "item.not-listed",
                 "values": {"itemId": "zz"}}""");
    }

    @Test
    void a_malformed_if_match_is_400_naming_the_header_and_sends_nothing() {
        var reply = mvc.post().uri("/api/agreements/wan-kai/expiry").contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "version three")
                .content("""
                        {"expiredOn": "2025-12-31"}""")
                .exchange();

        assertThat(reply).hasStatus(400);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:invalid-request", "errors": [{"field": "If-Match"}]}""");
        verifyNoInteractions(commands);
    }
}
