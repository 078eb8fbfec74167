package coop.ledger.dashboard;

import java.util.List;

record ProjectStats(String groupBy, List<ProjectGroup> groups, ProjectGroup total) {
}
