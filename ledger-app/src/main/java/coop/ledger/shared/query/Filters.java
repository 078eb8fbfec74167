package coop.ledger.shared.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The filters the list and statistics endpoints share. {@code roles}, {@code domains}, {@code kinds} and
 * {@code statuses} are vocabulary codes of the record type being read (already checked; empty = any, several = any
 * of them); {@code from} and {@code to} bound the business date, both inclusive.
 */
public record Filters(String party, List<String> roles, List<String> domains, List<String> kinds,
                      List<String> statuses, String occasion, LocalDate from, LocalDate to, String programme,
                      String category) {

    public Filters {
        roles = roles == null ? List.of() : List.copyOf(roles);
        domains = domains == null ? List.of() : List.copyOf(domains);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static Filters none() {
        return new Filters(null, null, null, null, null, null, null, null, null, null);
    }
}
