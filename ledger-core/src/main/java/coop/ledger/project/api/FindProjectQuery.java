package coop.ledger.project.api;

/** Ask for the current state of one signed project. */
public record FindProjectQuery(String projectId) {
}
