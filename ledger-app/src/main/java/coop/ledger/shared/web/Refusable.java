package coop.ledger.shared.web;

/**
 * An exception that says itself how the ledger refuses it. For exceptions of a slice that {@link Refusals} cannot
 * name without depending on that slice (a refused restore, a bad query parameter); Refusals asks them.
 */
public interface Refusable {

    Refusal refusal();
}
