package coop.ledger.programme.api;

import coop.ledger.shared.LedgerEvent;

/** A fact about a public-service programme (公共服务/政务服务事项清单). */
public interface ProgrammeEvent extends LedgerEvent {

    String programmeId();
}
