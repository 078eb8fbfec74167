package coop.ledger.fixtureb;

import coop.ledger.fixturea.UsesB;

/** The other half of the cycle. */
public class UsesA {
    UsesB other;
}
