package coop.ledger.project.api;

import coop.ledger.shared.LedgerEvent;

/** A fact about a signed project (签约项目). */
public interface ProjectEvent extends LedgerEvent {

    String projectId();
}
