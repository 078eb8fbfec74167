package coop.ledger.party;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.party.api.RenamePartyCommand;
import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import coop.ledger.testing.WebSliceTest;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How the party endpoints map requests to commands, and answer refusals, without the rest of the ledger. */
@WebSliceTest(PartyController.class)
class PartyControllerTest {

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
    void a_registration_becomes_the_register_command_recorded_by_the_login() {
        when(commands.send(eq("wanzhou"), any(), any())).thenReturn(new WriteResult("wanzhou", 1, false));

        var reply = mvc.post().uri("/api/parties").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "register-wanzhou")
                .content("""
                        {"code": "wanzhou", "nameZh": "万州区", "nameEn": "Wanzhou District", "kind": "GOVERNMENT",
                         "establishedOn": "1998-01-01"}""")
                .exchange();

        assertThat(reply).hasStatus(201).hasHeader("Location", "/api/parties/wanzhou").hasHeader("ETag", "\"1\"");
        verify(commands).send("wanzhou", new RegisterPartyCommand("wanzhou", "万州区", "Wanzhou District",
                        PartyKind.GOVERNMENT, null, LocalDate.of(1998, 1, 1)),
                new WriteContext(WebSliceTest.RECORDER, null, "register-wanzhou"));
    }

    @Test
    void a_rename_carries_the_if_match_version_as_the_expected_version() {
        when(commands.send(eq("wanzhou"), any(), any())).thenReturn(new WriteResult("wanzhou", 4, false));

        var reply = mvc.put().uri("/api/parties/wanzhou/name").contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"3\"")
                .content("""
                        {"nameZh": "万州区人民政府", "effectiveOn": "2020-01-01", "reason": "全称"}""")
                .exchange();

        assertThat(reply).hasStatus(200).hasHeader("ETag", "\"4\"");
        verify(commands).send("wanzhou", new RenamePartyCommand("wanzhou", "万州区人民政府", null,
                LocalDate.of(2020, 1, 1), "全称", 3L), new WriteContext(WebSliceTest.RECORDER, 3L, null));
    }

    @Test
    void a_rule_the_ledger_refuses_is_409_naming_the_rule_and_its_values() {
        when(commands.send(any(), any(), any())).thenThrow(new RuleViolationException(
                "party.department-needs-parent", "a department belongs to a government: give parentCode",
                Map.of("code", "wanzhou-yibao")));

        var reply = mvc.post().uri("/api/parties").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "wanzhou-yibao", "nameZh": "万州区医保局", "kind": "DEPARTMENT"}""")
                .exchange();

        assertThat(reply).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:rule-violation",
                 "title": "Rule violated: party.department-needs-parent",
                 "status": 409, "detail": "a department belongs to a government: give parentCode",
                 "instance": "/api/parties",
                 "rule": "party.department-needs-parent", "values": {"code": "wanzhou-yibao"}}""");
    }

    @Test
    void an_invalid_registration_is_400_naming_each_field_and_sends_nothing() {
        var reply = mvc.post().uri("/api/parties").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "not a code!", "nameZh": " ", "kind": "GOVERNMENT"}""")
                .exchange();

        assertThat(reply).hasStatus(400);
        assertThat(reply).bodyJson().isLenientlyEqualTo("""
                {"type": "urn:cooperation-ledger:problem:invalid-request", "title": "Invalid request",
                 "errors": [{"field": "code"}, {"field": "nameZh", "message": "must not be blank"}]}""");
        verifyNoInteractions(commands);
    }
}
