package coop.ledger.dashboard;

import java.util.List;

public record AgreementStats(String groupBy, List<AgreementGroup> groups, AgreementGroup total) {
}
