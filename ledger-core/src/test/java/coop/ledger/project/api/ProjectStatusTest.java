package coop.ledger.project.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which projects the headline counts as going ahead. */
class ProjectStatusTest {

    @Test
    void every_status_but_cancelled_is_live_intentions_included() {
        assertThat(Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::live))
                .containsExactly(ProjectStatus.INTENTION, ProjectStatus.SIGNED, ProjectStatus.UNDER_CONSTRUCTION,
                        ProjectStatus.IN_OPERATION);
        assertThat(ProjectStatus.CANCELLED.live()).isFalse();
    }
}
