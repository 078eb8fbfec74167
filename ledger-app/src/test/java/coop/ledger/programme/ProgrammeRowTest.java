package coop.ledger.programme;

import coop.ledger.party.PartyRow;
import coop.ledger.processing.SqlDialect;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.agreement.AgreementRowTest.at;
import static org.assertj.core.api.Assertions.assertThat;

/** Programme, programme-item and party rows. */
class ProgrammeRowTest {

    private static final ServiceItemListedEvent BATCH = new ServiceItemListedEvent("tongban", "first", "第一批通办事项",
            "政务服务", List.of("wanzhou"), LocalDate.of(2021, 12, 31), false, 155, LocalDate.of(2021, 1, 10),
            "来源只报告总数");

    @Test
    void a_listed_batch_stands_for_its_item_count_and_is_open() {
        ProgrammeItemRow row = ProgrammeItemRow.listed(BATCH, at(1));

        assertThat(row.itemCount()).isEqualTo(155);
        assertThat(row.status()).isEqualTo(ServiceItemStatus.OPEN);
        assertThat(row.addedLater()).isFalse();
        assertThat(row.responsibleParties()).containsExactly("wanzhou");
    }

    @Test
    void a_completed_item_reopened_is_open_again_and_a_withdrawn_one_is_withdrawn() {
        ProgrammeItemRow completed = ProgrammeItemRow.listed(BATCH, at(1))
                .apply(new ServiceItemCompletedEvent("tongban", "first", LocalDate.of(2021, 6, 1), "完成"), at(2));
        ProgrammeItemRow reopened = completed
                .apply(new ServiceItemReopenedEvent("tongban", "first", LocalDate.of(2021, 6, 2), "误报"), at(3));
        ProgrammeItemRow withdrawn = reopened
                .apply(new ServiceItemWithdrawnEvent("tongban", "first", LocalDate.of(2021, 7, 1), "调整"), at(4));

        assertThat(completed.status()).isEqualTo(ServiceItemStatus.COMPLETED);
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(reopened.status()).isEqualTo(ServiceItemStatus.OPEN);
        assertThat(reopened.completedOn()).isNull();
        assertThat(withdrawn.status()).isEqualTo(ServiceItemStatus.WITHDRAWN);
        assertThat(withdrawn.apply(new ServiceItemCompletedEvent("tongban", "first", LocalDate.of(2021, 6, 1), "完成"),
                at(2))).isEqualTo(withdrawn);
    }

    @Test
    void a_programme_row_moves_on_with_its_items_only_once() {
        ProgrammeRow row = ProgrammeRow.declared(new ProgrammeDeclaredEvent("tongban", "川渝通办",
                List.of("wanzhou", "dazhou"), "2020-2022", List.of("政务服务"), LocalDate.of(2021, 1, 10), null), at(0));

        ProgrammeRow touched = row.touched(at(1));

        assertThat(touched.lastSequence()).isEqualTo(1);
        assertThat(touched.touched(at(1))).isEqualTo(touched);
        assertThat(touched.participants()).containsExactly("wanzhou", "dazhou");
    }

    @Test
    void a_renamed_party_shows_its_new_name() {
        PartyRow row = PartyRow.registered(new PartyRegisteredEvent("kaizhou", "开县", "Kai County",
                PartyKind.GOVERNMENT, null, null), at(0));

        PartyRow renamed = row.apply(new PartyRenamedEvent("kaizhou", "开县", "Kai County", "开州区", "Kaizhou District",
                LocalDate.of(2016, 7, 1), "撤县设区"), at(1));

        assertThat(renamed.nameZh()).isEqualTo("开州区");
        assertThat(renamed.renames()).isEqualTo(1);
        assertThat(renamed.apply(new PartyRenamedEvent("kaizhou", "开县", "Kai County", "开州区", "Kaizhou District",
                LocalDate.of(2016, 7, 1), "撤县设区"), at(1))).isEqualTo(renamed);
    }

    @Test
    void upserts_are_spelled_for_each_database() {
        assertThat(SqlDialect.H2.upsert("dash_party", List.of("code"), List.of("code", "name_zh")))
                .isEqualTo("MERGE INTO dash_party (code, name_zh) KEY (code) VALUES (?, ?)");
        assertThat(SqlDialect.POSTGRESQL.upsert("dash_party", List.of("code"), List.of("code", "name_zh")))
                .isEqualTo("INSERT INTO dash_party (code, name_zh) VALUES (?, ?) ON CONFLICT (code) "
                        + "DO UPDATE SET name_zh = EXCLUDED.name_zh");
    }

    @Test
    void an_item_correction_shows_the_corrected_count_target_and_category_as_the_fold_does() {
        ServiceItemCorrectedEvent correction = new ServiceItemCorrectedEvent("tongban", "first", 1, 150,
                LocalDate.of(2022, 6, 30), "公共服务", "总数录错", LocalDate.of(2021, 1, 10));
        ProgrammeItemRow completed = ProgrammeItemRow.listed(BATCH, at(1))
                .apply(new ServiceItemCompletedEvent("tongban", "first", LocalDate.of(2021, 6, 1), "完成"), at(2));

        ProgrammeItemRow row = completed.apply(correction, at(3));
        ProgrammeState state = ProgrammeState.fold(ProgrammeState.fold(ProgrammeState.fold(ProgrammeState.fold(null,
                        new ProgrammeDeclaredEvent("tongban", "川渝通办", List.of("wanzhou"), "2021", List.of("政务服务"),
                                LocalDate.of(2021, 1, 1), null)), BATCH),
                new ServiceItemCompletedEvent("tongban", "first", LocalDate.of(2021, 6, 1), "完成")), correction);
        ProgrammeState.ServiceItem item = state.item("first").orElseThrow();

        assertThat(row.itemCount()).isEqualTo(item.itemCount()).isEqualTo(150);
        assertThat(row.targetOn()).isEqualTo(item.targetOn());
        assertThat(row.category()).isEqualTo(item.category()).isEqualTo("公共服务");
        assertThat(row.status()).isEqualTo(item.status()).isEqualTo(ServiceItemStatus.COMPLETED);
        assertThat(row.completedOn()).isEqualTo(item.completedOn());
        assertThat(row.apply(correction, at(3))).isEqualTo(row);
    }
}
