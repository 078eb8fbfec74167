package coop.ledger.programme;

import coop.ledger.shared.query.PartyRef;
import java.time.LocalDate;
import java.util.List;

record ProgrammeItem(String id, String name, String period, List<PartyRef> participants,
                            List<String> categories, LocalDate declaredOn, String note, ServiceProgress items,
                            long version) {
}
