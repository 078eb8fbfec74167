package coop.ledger.shared.query;

import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;

/**
 * The filters the list and statistics endpoints share. {@code kind} and {@code status} are vocabulary codes of the
 * record type being read (already checked); {@code from} and {@code to} bound the business date, both inclusive.
 */
public record Filters(String party, String role, CooperationDomain domain, String kind, String status, String occasion,
                      LocalDate from, LocalDate to, String programme, String category) {

    public static Filters none() {
        return new Filters(null, null, null, null, null, null, null, null, null, null);
    }

    public String domainCode() {
        return domain == null ? null : domain.name();
    }
}
