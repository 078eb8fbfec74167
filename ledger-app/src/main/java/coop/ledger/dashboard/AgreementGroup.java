package coop.ledger.dashboard;

import coop.ledger.agreement.ItemProgress;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

/** {@code inForce} + {@code ended} (expired, terminated or superseded) = {@code agreements}. */
record AgreementGroup(String key, Label label, long agreements, long inForce, long ended, ItemProgress items,
                      Amount paymentsTotal) {
}
