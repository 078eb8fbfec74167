package coop.ledger.shared;

import java.util.List;

/**
 * Where a record comes from (出处): the source it was taken from, the phrase of that source that states it, and the
 * values of the record the source does not state but the recorder inferred (推定), each with the reason. A record
 * entered by hand may have none; a record taken from a report should always say which report and which words.
 *
 * @param source   the source, e.g. the file name of a report ({@code 002_d845902defb982b8.txt})
 * @param quote    the phrase of the source, quoted as it is written, that the record rests on
 * @param inferred the values not stated by the source; empty when every value is the source's own
 */
public record Provenance(String source, String quote, List<Inferred> inferred) {

    /** One inferred value: the record's field (e.g. {@code signedOn}, {@code title}) and why it has this value. */
    public record Inferred(String field, String reason) {
    }

    public Provenance {
        inferred = inferred == null ? List.of() : List.copyOf(inferred);
    }

    /** Whether any value of the record is inferred rather than stated by its source. */
    public boolean hasInferredValues() {
        return !inferred.isEmpty();
    }

    /** The provenance with blank texts read as absent, or null when nothing is left. */
    public static Provenance normalised(Provenance p) {
        if (p == null) {
            return null;
        }
        String source = blankToNull(p.source());
        String quote = blankToNull(p.quote());
        if (source == null && quote == null && p.inferred().isEmpty()) {
            return null;
        }
        return new Provenance(source, quote, p.inferred());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
