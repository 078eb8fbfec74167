package coop.ledger.dashboard;

import java.util.List;

public record ProgrammeStats(String groupBy, List<ProgrammeGroup> groups, ProgrammeGroup total) {
}
