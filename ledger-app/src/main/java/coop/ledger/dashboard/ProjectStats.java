package coop.ledger.dashboard;

import java.util.List;

public record ProjectStats(String groupBy, List<ProjectGroup> groups, ProjectGroup total) {
}
