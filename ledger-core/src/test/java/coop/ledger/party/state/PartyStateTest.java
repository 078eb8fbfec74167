package coop.ledger.party.state;

import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.party.state.PartyState.FormerName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO_ESTABLISHED_ON;
import static coop.ledger.testdata.Parties.wanzhouYibaoRegistered;
import static org.assertj.core.api.Assertions.assertThat;

class PartyStateTest {

    private static final LocalDate FIRST_RENAME = LocalDate.of(2021, 4, 23);
    private static final LocalDate SECOND_RENAME = LocalDate.of(2022, 1, 1);

    private static final PartyRenamedEvent TO_FULL_NAME = new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局",
            "Wanzhou Medical Insurance Bureau", "重庆市万州区医疗保障局", null, FIRST_RENAME, "规范机构全称");
    private static final PartyRenamedEvent TO_SHORT_NAME = new PartyRenamedEvent(WANZHOU_YIBAO, "重庆市万州区医疗保障局",
            null, "万州区医疗保障局", "Wanzhou Healthcare Security Bureau", SECOND_RENAME, "简称");

    @Test
    void a_registered_party_is_at_version_1_without_former_names() {
        PartyState state = PartyState.fold(null, wanzhouYibaoRegistered());

        assertThat(state).isEqualTo(new PartyState(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau",
                PartyKind.DEPARTMENT, WANZHOU, WANZHOU_YIBAO_ESTABLISHED_ON, List.of(), 1));
    }

    @Test
    void a_rename_keeps_the_previous_name_until_the_effective_date() {
        PartyState state = PartyState.fold(PartyState.fold(null, wanzhouYibaoRegistered()), TO_FULL_NAME);

        assertThat(state.nameZh()).isEqualTo("重庆市万州区医疗保障局");
        assertThat(state.nameEn()).isNull();
        assertThat(state.formerNames())
                .containsExactly(new FormerName("万州区医保局", "Wanzhou Medical Insurance Bureau", FIRST_RENAME));
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void former_names_accumulate_in_order() {
        PartyState state = PartyState.registered(wanzhouYibaoRegistered()).apply(TO_FULL_NAME).apply(TO_SHORT_NAME);

        assertThat(state.nameZh()).isEqualTo("万州区医疗保障局");
        assertThat(state.formerNames()).extracting(FormerName::nameZh)
                .containsExactly("万州区医保局", "重庆市万州区医疗保障局");
        assertThat(state.formerNames()).extracting(FormerName::until).containsExactly(FIRST_RENAME, SECOND_RENAME);
        assertThat(state.version()).isEqualTo(3);
    }

    @Test
    void a_rename_changes_neither_kind_nor_parent() {
        PartyState state = PartyState.registered(wanzhouYibaoRegistered()).apply(TO_FULL_NAME);

        assertThat(state.kind()).isEqualTo(PartyKind.DEPARTMENT);
        assertThat(state.parentCode()).isEqualTo(WANZHOU);
        assertThat(state.establishedOn()).isEqualTo(WANZHOU_YIBAO_ESTABLISHED_ON);
    }

    @Test
    void the_decision_state_keeps_only_the_newest_former_name_and_everything_else() {
        PartyState full = PartyState.registered(wanzhouYibaoRegistered()).apply(TO_FULL_NAME).apply(TO_SHORT_NAME);

        PartyState decision = full.withNewestFormerNameOnly();

        assertThat(decision.formerNames())
                .containsExactly(new FormerName("重庆市万州区医疗保障局", null, SECOND_RENAME));
        assertThat(decision).usingRecursiveComparison().ignoringFields("formerNames").isEqualTo(full);
        assertThat(PartyState.registered(wanzhouYibaoRegistered()).withNewestFormerNameOnly().formerNames()).isEmpty();
    }
}
