package coop.ledger.agreement;

import coop.ledger.shared.query.PartyRef;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import java.time.LocalDate;
import java.util.List;

record AgreementItem(String id, String title, Label kind, Label status, LocalDate signedOn, String place,
                            String occasion, List<Label> domains, List<PartyRef> signatories,
                            List<PartyRef> observers, ItemProgress items, Amount paymentsTotal, int payments,
                            int amendments, LocalDate closedOn, String supersededBy, long version) {
}
