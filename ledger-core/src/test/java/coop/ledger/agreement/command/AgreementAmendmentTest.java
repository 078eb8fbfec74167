package coop.ledger.agreement.command;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AmendAgreementCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static coop.ledger.shared.CooperationDomain.GOVERNMENT_SERVICES;
import static coop.ledger.shared.CooperationDomain.MEDICAL_INSURANCE;
import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_SIGNED_ON;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_TITLE;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

class AgreementAmendmentTest {

    private static final LocalDate AMENDED_ON = LocalDate.of(2021, 4, 1);
    private static final String NEW_TITLE = "万达开政务服务和医保经办协同发展战略框架协议";
    private static final String DESCRIPTION = "增加医保经办同城化内容";
    private static final String REASON = "落实万开云医保经办服务框架协议";

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void amends_title_summary_and_domains() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, AMENDED_ON, NEW_TITLE, "医保经办9类17项业务同城化办理",
                        Set.of(GOVERNMENT_SERVICES, MEDICAL_INSURANCE), DESCRIPTION, REASON, null))
                .expectEvents(new AgreementAmendedEvent(GOV_SERVICES, AMENDED_ON, NEW_TITLE, "医保经办9类17项业务同城化办理",
                        Set.of(GOVERNMENT_SERVICES, MEDICAL_INSURANCE), DESCRIPTION, REASON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void records_blank_fields_as_unchanged() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, AMENDED_ON, " ", "", null, DESCRIPTION, REASON, null))
                .expectEvents(new AgreementAmendedEvent(GOV_SERVICES, AMENDED_ON, null, null, null, DESCRIPTION, REASON));
    }

    @Test
    void rejects_an_amendment_that_repeats_the_current_title() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, AMENDED_ON, GOV_SERVICES_TITLE, null, null, DESCRIPTION,
                        REASON, null))
                .expectException(violationOf("amendment.no-change"))
                .expectExceptionMessage("the new title equals the current title");
    }

    @Test
    void rejects_an_amendment_that_repeats_the_current_domains() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, AMENDED_ON, NEW_TITLE, null, Set.of(GOVERNMENT_SERVICES),
                        DESCRIPTION, REASON, null))
                .expectException(violationOf("amendment.no-change"))
                .expectExceptionMessage("the new domains equal the current domains");
    }

    @Test
    void rejects_an_amendment_without_a_description() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, AMENDED_ON, NEW_TITLE, null, null, " ", REASON, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("description must not be blank");
    }

    @Test
    void rejects_an_amendment_without_a_reason() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, AMENDED_ON, NEW_TITLE, null, null, DESCRIPTION, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void rejects_an_amendment_dated_before_the_signing() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, GOV_SERVICES_SIGNED_ON.minusDays(1), NEW_TITLE, null, null,
                        DESCRIPTION, REASON, null))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_an_amendment_dated_in_the_future() {
        fixture.given(govServicesSigned())
                .when(new AmendAgreementCommand(GOV_SERVICES, TOMORROW, NEW_TITLE, null, null, DESCRIPTION, REASON, null))
                .expectException(violationOf("business-date.in-future"));
    }
}
