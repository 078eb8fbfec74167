package coop.ledger.dashboard;

import coop.ledger.agreement.ItemProgress;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

record AgreementGroup(String key, Label label, long agreements, long inForce, ItemProgress items,
                             Amount paymentsTotal) {
}
