package coop.ledger.project.api;

import coop.ledger.shared.Money;

import java.time.LocalDate;

/** An intention (意向性协议) became a signed project; {@code agreedInvestment} is null when it did not change. */
public record ProjectFirmedUpEvent(
        String projectId,
        LocalDate firmedUpOn,
        Money agreedInvestment) implements ProjectEvent {

    @Override
    public LocalDate businessDate() {
        return firmedUpOn;
    }
}
