package coop.ledger.party.command;

import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.party.api.RenamePartyCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO_ESTABLISHED_ON;
import static coop.ledger.testdata.Parties.wanzhouYibaoRegistered;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

class PartyRenameTest {

    private static final String FULL_NAME = "重庆市万州区医疗保障局";
    private static final LocalDate RENAMED_ON = LocalDate.of(2021, 4, 23);
    private static final String REASON = "规范机构全称";

    private final FixtureConfiguration<Party> fixture = Fixtures.party();

    @Test
    void renames_a_party_and_keeps_the_previous_name_in_the_event() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, FULL_NAME, "Chongqing Wanzhou Healthcare Security Bureau",
                        RENAMED_ON, REASON, null))
                .expectEvents(new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau",
                        FULL_NAME, "Chongqing Wanzhou Healthcare Security Bureau", RENAMED_ON, REASON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_second_rename_returns_version_3() {
        fixture.given(wanzhouYibaoRegistered(), new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局",
                        "Wanzhou Medical Insurance Bureau", FULL_NAME, null, RENAMED_ON, REASON))
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "万州区医疗保障局", null, RENAMED_ON.plusDays(1), "简称", 2L))
                .expectEvents(new PartyRenamedEvent(WANZHOU_YIBAO, FULL_NAME, null, "万州区医疗保障局", null,
                        RENAMED_ON.plusDays(1), "简称"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void after_many_renames_the_newest_one_bounds_the_next_and_versions_keep_counting() {
        fixture.given(registeredAndRenamedThreeTimes())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "万州区医疗保障局", null, RENAMED_ON.plusDays(15), "简称", null))
                .expectException(violationOf("party.rename-before-previous"))
                .expectNoEvents();
        fixture.given(registeredAndRenamedThreeTimes())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "万州区医疗保障局", null, RENAMED_ON.plusDays(20), "简称", 4L))
                .expectEvents(new PartyRenamedEvent(WANZHOU_YIBAO, FULL_NAME, null, "万州区医疗保障局", null,
                        RENAMED_ON.plusDays(20), "简称"))
                .expectResultMessagePayload(5L);
    }

    /** Registered, then renamed on RENAMED_ON, 10 and 20 days later. */
    private static List<Object> registeredAndRenamedThreeTimes() {
        return List.of(wanzhouYibaoRegistered(),
                new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau", FULL_NAME, null,
                        RENAMED_ON, REASON),
                new PartyRenamedEvent(WANZHOU_YIBAO, FULL_NAME, null, "万州区医疗保障局", null, RENAMED_ON.plusDays(10),
                        "简称"),
                new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医疗保障局", null, FULL_NAME, null, RENAMED_ON.plusDays(20),
                        "恢复全称"));
    }

    @Test
    void rejects_a_rename_dated_before_the_previous_rename() {
        fixture.given(wanzhouYibaoRegistered(), new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局",
                        "Wanzhou Medical Insurance Bureau", FULL_NAME, null, RENAMED_ON, REASON))
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "万州区医疗保障局", null, RENAMED_ON.minusDays(1), "简称", null))
                .expectException(violationOf("party.rename-before-previous"))
                .expectNoEvents();
    }

    @Test
    void renames_only_the_english_name() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Healthcare Security Bureau",
                        RENAMED_ON, REASON, null))
                .expectEvents(new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau",
                        "万州区医保局", "Wanzhou Healthcare Security Bureau", RENAMED_ON, REASON));
    }

    @Test
    void rejects_a_rename_to_the_current_name() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, " 万州区医保局 ", "Wanzhou Medical Insurance Bureau",
                        RENAMED_ON, REASON, null))
                .expectException(violationOf("party.name-unchanged"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_rename_without_a_chinese_name() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "", null, RENAMED_ON, REASON, null))
                .expectException(violationOf("field.required"));
    }

    @Test
    void rejects_a_rename_without_an_effective_date() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, FULL_NAME, null, null, REASON, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("effectiveOn must be given");
    }

    @Test
    void rejects_a_rename_effective_in_the_future() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, FULL_NAME, null, TOMORROW, REASON, null))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_rename_effective_before_the_party_was_established() {
        fixture.given(wanzhouYibaoRegistered())
                .when(new RenamePartyCommand(WANZHOU_YIBAO, FULL_NAME, null, WANZHOU_YIBAO_ESTABLISHED_ON.minusDays(1),
                        REASON, null))
                .expectException(violationOf("business-date.before-start"));
    }

    @Test
    void rejects_a_rename_that_expects_an_older_version() {
        fixture.given(wanzhouYibaoRegistered(), new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局", null, FULL_NAME,
                        null, RENAMED_ON, REASON))
                .when(new RenamePartyCommand(WANZHOU_YIBAO, "万州区医疗保障局", null, RENAMED_ON, REASON, 1L))
                .expectException(violationOf("version.stale"))
                .expectExceptionMessage("the record is at version 2, not at the expected version 1; read it again and retry");
    }
}
