package coop.ledger.programme.state;

import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Programmes.GOV_SERVICES;
import static coop.ledger.testdata.Programmes.WKY;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER_LISTED_ON;
import static coop.ledger.testdata.Programmes.wkyDeclared;
import static coop.ledger.testdata.Programmes.yibaoTransferListed;
import static org.assertj.core.api.Assertions.assertThat;

/** The counts of a programme follow a corrected item count and category. */
class ProgrammeCorrectionFoldTest {

    @Test
    void an_item_correction_changes_the_counts() {
        ProgrammeState state = ProgrammeState.fold(ProgrammeState.fold(null, wkyDeclared()), yibaoTransferListed());

        ProgrammeState corrected = ProgrammeState.fold(state, new ServiceItemCorrectedEvent(WKY, YIBAO_TRANSFER, 1,
                3, null, GOV_SERVICES, "按清单原文更正", YIBAO_TRANSFER_LISTED_ON));

        assertThat(corrected.counts().planned()).isEqualTo(3);
        assertThat(corrected.countsByCategory().get(GOV_SERVICES).planned()).isEqualTo(3);
        assertThat(corrected.item(YIBAO_TRANSFER).orElseThrow().targetOn())
                .isEqualTo(state.item(YIBAO_TRANSFER).orElseThrow().targetOn());
    }
}
