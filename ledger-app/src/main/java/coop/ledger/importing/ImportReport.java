package coop.ledger.importing;

import java.util.List;

/**
 * What an import did: how many rows it read, recorded, found already recorded by an earlier import, and every
 * rejected row with its line, place in the file and reason. Rejected rows record nothing; the others are kept.
 */
record ImportReport(
        String format,
        long rows,
        long recorded,
        long alreadyRecorded,
        long rejected,
        List<Rejection> rejections,
        long durationMillis) {

    /** A row that was not recorded, and why. {@code rule} or {@code field} names what refused it. */
    public record Rejection(long line, String path, String kind, String recordId, String reason, String rule,
                            String field) {
    }
}
