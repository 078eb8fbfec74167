package coop.ledger.dashboard;

import java.util.List;

record ProgrammeStats(String groupBy, List<ProgrammeGroup> groups, ProgrammeGroup total) {
}
