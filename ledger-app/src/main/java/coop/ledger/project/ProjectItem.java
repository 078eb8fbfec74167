package coop.ledger.project;

import coop.ledger.shared.query.PartyRef;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import java.time.LocalDate;
import java.util.List;

record ProjectItem(String id, String name, Label status, boolean intention, List<PartyRef> hostParties,
                          List<PartyRef> investors, String occasion, String agreementId, Label domain,
                          Amount agreedInvestment, Amount plannedInvestment, Amount actualInvestment, int projectCount, LocalDate signedOn,
                          LocalDate firmedUpOn, LocalDate startedOn, LocalDate completedOn, LocalDate cancelledOn,
                          String note, long version) {
}
