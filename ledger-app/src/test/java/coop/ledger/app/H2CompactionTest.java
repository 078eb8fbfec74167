package coop.ledger.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How much a round of {@link H2Compaction} rewrites: H2's housekeeping amount, within bounds. */
class H2CompactionTest {

    private static final int MB = 1024 * 1024;

    @Test
    void rewritesMoreTheEmptierTheChunksAreAgainstTheFile() {
        int halfEmpty = H2Compaction.writeLimit(19 * MB, 90, 45);
        int mostlyEmpty = H2Compaction.writeLimit(19 * MB, 90, 15);

        assertThat(halfEmpty).isEqualTo(19 * MB * 2 / 4);
        assertThat(mostlyEmpty).isGreaterThan(halfEmpty);
    }

    @Test
    void staysWithinItsBoundsWhateverTheRates() {
        assertThat(H2Compaction.writeLimit(19 * MB, 50, 89)).isEqualTo(4 * MB);
        assertThat(H2Compaction.writeLimit(19 * MB, 100, 0)).isEqualTo(32 * MB);
        assertThat(H2Compaction.writeLimit(0, 0, 0)).isEqualTo(4 * MB);
    }
}
