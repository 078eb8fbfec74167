package coop.ledger.dashboard;

import java.util.List;

record AgreementStats(String groupBy, List<AgreementGroup> groups, AgreementGroup total) {
}
