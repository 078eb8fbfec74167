package coop.ledger.party.command;

import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.registerWanzhou;
import static coop.ledger.testdata.Parties.registerWanzhouYibao;
import static coop.ledger.testdata.Parties.wanzhouRegistered;
import static coop.ledger.testdata.Parties.wanzhouYibaoRegistered;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

class PartyRegistrationTest {

    private final FixtureConfiguration<Party> fixture = Fixtures.party();

    @Test
    void registers_a_government() {
        fixture.givenNoPriorActivity()
                .when(registerWanzhou())
                .expectEvents(wanzhouRegistered());
    }

    @Test
    void registers_a_department_under_its_government() {
        fixture.givenNoPriorActivity()
                .when(registerWanzhouYibao())
                .expectEvents(wanzhouYibaoRegistered());
    }

    @Test
    void registers_a_party_established_today() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand("wanzhou-sifa", "万州区司法局", null, PartyKind.DEPARTMENT, WANZHOU, TODAY))
                .expectEvents(new PartyRegisteredEvent("wanzhou-sifa", "万州区司法局", null, PartyKind.DEPARTMENT,
                        WANZHOU, TODAY));
    }

    @Test
    void strips_the_names_and_records_a_blank_english_name_as_absent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(WANZHOU, "  万州区 ", "  ", PartyKind.GOVERNMENT, null, null))
                .expectEvents(new PartyRegisteredEvent(WANZHOU, "万州区", null, PartyKind.GOVERNMENT, null, null));
    }

    @Test
    void rejects_a_code_written_in_chinese() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand("万州", "万州区", null, PartyKind.GOVERNMENT, null, null))
                .expectException(violationOf("party.code-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_code_that_starts_with_a_dash() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand("-wanzhou", "万州区", null, PartyKind.GOVERNMENT, null, null))
                .expectException(violationOf("party.code-format"));
    }

    @Test
    void rejects_a_party_without_a_chinese_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(WANZHOU, " ", "Wanzhou District", PartyKind.GOVERNMENT, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("nameZh must not be blank");
    }

    @Test
    void rejects_a_party_without_a_kind() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(WANZHOU, "万州区", null, null, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("kind must be given");
    }

    @Test
    void rejects_an_establishment_date_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(WANZHOU, "万州区", null, PartyKind.GOVERNMENT, null, TOMORROW))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_department_without_a_parent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(WANZHOU_YIBAO, "万州区医保局", null, PartyKind.DEPARTMENT, null, null))
                .expectException(violationOf("party.department-needs-parent"));
    }

    @Test
    void rejects_a_party_that_is_its_own_parent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand(WANZHOU_YIBAO, "万州区医保局", null, PartyKind.DEPARTMENT, WANZHOU_YIBAO,
                        null))
                .expectException(violationOf("party.own-parent"));
    }

    @Test
    void rejects_a_parent_that_is_not_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand("linshui-yibao", "邻水县医保局", null, PartyKind.DEPARTMENT, LINSHUI, null))
                .expectException(violationOf("party.unknown-parent"));
    }

    @Test
    void rejects_a_department_as_parent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartyCommand("wanzhou-yibao-jiesuan", "万州区医保局结算中心", null,
                        PartyKind.DEPARTMENT, WANZHOU_YIBAO, null))
                .expectException(violationOf("party.parent-is-department"));
    }
}
