package coop.ledger.shared.query;

import java.util.List;

/** One page of a list: its items, which page (0-based) of what size, and how many rows match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
