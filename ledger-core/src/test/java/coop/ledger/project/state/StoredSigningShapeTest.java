package coop.ledger.project.state;

import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are facts: the creating events stored before a project's total planned investment (总投资) and a record's
 * provenance existed read exactly as they did, their amount still the agreed investment (协议投资).
 */
class StoredSigningShapeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_signing_stored_without_a_planned_investment_reads_its_amount_as_agreed_investment() {
        ProjectSignedEvent stored = json.readValue("""
                {"projectId":"wanzhou-edz-2021-10","name":"万州经开区集中开工项目","investors":["unnamed-investors"],
                 "hostParties":["wanzhou"],"occasion":null,"agreementId":null,"domain":"INDUSTRY",
                 "agreedInvestment":"4027000000","signedOn":"2021-10-17","intention":false,"projectCount":11,
                 "note":null}""", ProjectSignedEvent.class);

        ProjectState state = ProjectState.signed(stored);

        assertThat(state.agreedInvestment()).isEqualTo(Money.parse("40.27亿元"));
        assertThat(state.plannedInvestment()).isNull();
        assertThat(state.provenance()).isNull();
    }

    @Test
    void a_signing_with_a_planned_investment_keeps_it_apart_from_the_agreed_investment() {
        ProjectSignedEvent stored = json.readValue("""
                {"projectId":"wanzhou-edz-2021-10","name":"万州经开区集中开工项目","investors":["unnamed-investors"],
                 "hostParties":["wanzhou"],"domain":"INDUSTRY","plannedInvestment":"40.27亿元",
                 "signedOn":"2021-10-17","intention":false,"projectCount":11}""", ProjectSignedEvent.class);

        ProjectState state = ProjectState.signed(stored);

        assertThat(state.agreedInvestment()).isNull();
        assertThat(state.plannedInvestment()).isEqualTo(Money.parse("4027000000"));
    }

    @Test
    void a_correction_stored_before_planned_investment_could_be_corrected_reads_as_before() {
        ProjectState signed = ProjectState.signed(json.readValue("""
                {"projectId":"wanzhou-edz-2021-10","name":"万州经开区集中开工项目","investors":["unnamed-investors"],
                 "hostParties":["wanzhou"],"domain":"INDUSTRY","agreedInvestment":"4027000000",
                 "signedOn":"2021-10-17","intention":false,"projectCount":11}""", ProjectSignedEvent.class));
        ProjectCorrectedEvent stored = json.readValue("""
                {"projectId":"wanzhou-edz-2021-10","correctsSequence":0,"agreedInvestment":"4127000000",
                 "signedOn":null,"hostParties":null,"investors":null,"occasion":null,"domain":null,
                 "projectCount":null,"reason":"来源更正","businessDate":"2021-10-17"}""", ProjectCorrectedEvent.class);

        ProjectState corrected = signed.apply(stored);

        assertThat(stored.plannedInvestment()).isNull();
        assertThat(stored.removesAgreedInvestment()).isFalse();
        assertThat(corrected.agreedInvestment()).isEqualTo(Money.parse("41.27亿元"));
        assertThat(corrected.plannedInvestment()).isNull();
    }

    @Test
    void the_other_creating_events_stored_without_a_provenance_read_as_before() {
        assertThat(json.readValue("""
                {"code":"wanzhou","nameZh":"万州区","nameEn":null,"kind":"GOVERNMENT","parentCode":null,
                 "establishedOn":null}""", PartyRegisteredEvent.class).provenance()).isNull();
        assertThat(json.readValue("""
                {"agreementId":"reform","title":"改革协作框架协议","kind":"FRAMEWORK","signatories":["wanzhou","dazhou"],
                 "observers":[],"signedOn":"2020-10-23","place":"万州","occasion":null,"domains":["REFORM"],
                 "summary":null}""", AgreementSignedEvent.class).provenance()).isNull();
        assertThat(json.readValue("""
                {"programmeId":"tongban","name":"川渝通办","participants":["kaizhou"],"period":"2021",
                 "categories":[],"declaredOn":"2021-01-01","note":null}""", ProgrammeDeclaredEvent.class)
                .provenance()).isNull();
    }
}
