package coop.ledger.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How much a round of {@link H2Compaction} rewrites: H2's housekeeping amount, within bounds. */
class H2CompactionTest {

    private static final int MB = 1024 * 1024;

    @Test
    void rewritesMoreTheEmptierTheChunksAreAgainstTheFile() {
        int mostlyLive = H2Compaction.writeLimit(19 * MB, 90, 85);
        int halfLive = H2Compaction.writeLimit(19 * MB, 90, 50);
        int mostlyEmpty = H2Compaction.writeLimit(19 * MB, 90, 30);

        assertThat(halfLive).isGreaterThan(mostlyLive);
        assertThat(mostlyEmpty).isGreaterThan(halfLive);
    }

    @Test
    void takesH2sBusyQuarterOnlyWhileTheChunksAreMostlyLive() {
        assertThat(H2Compaction.writeLimit(19 * MB, 90, 45)).isEqualTo(19 * MB * 2);
        assertThat(H2Compaction.writeLimit(19 * MB, 90, 75)).isEqualTo(19 * MB * 90 / 75);
        assertThat(H2Compaction.writeLimit(19 * MB, 90, 85)).isEqualTo(19 * MB * 90 / 85 / 4);
    }

    @Test
    void staysWithinItsBoundsWhateverTheRates() {
        assertThat(H2Compaction.writeLimit(19 * MB, 50, 89)).isEqualTo(4 * MB);
        assertThat(H2Compaction.writeLimit(19 * MB, 100, 0)).isEqualTo(64 * MB);
        assertThat(H2Compaction.writeLimit(0, 0, 0)).isEqualTo(4 * MB);
    }
}
