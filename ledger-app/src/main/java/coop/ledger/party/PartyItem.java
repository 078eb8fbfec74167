package coop.ledger.party;

import coop.ledger.shared.query.PartyRef;
import coop.ledger.shared.web.Label;
import java.time.LocalDate;

public record PartyItem(String code, String nameZh, String nameEn, Label kind, PartyRef parent,
                        LocalDate establishedOn, int renames, long version) {
}
