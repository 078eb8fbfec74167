package coop.ledger.fixturea;

import coop.ledger.fixtureb.UsesA;

/** Half of a cycle between two slices, for ArchitectureTest's cycle rule to catch. */
public class UsesB {
    UsesA other;
}
