package coop.ledger.programme.api;

/** Ask for the current state of one public-service programme, with its item counts. */
public record FindProgrammeQuery(String programmeId) {
}
