package coop.ledger.shared;


import java.util.Optional;

/**
 * What the command side may ask about other records before it accepts a command: does a party exist, of which
 * kind, under which parent; does an agreement exist. Kept up to date in the same transaction as the events.
 */
public interface RecordDirectory {

    Optional<PartyEntry> party(String code);

    boolean agreementExists(String agreementId);

    /**
     * A registered party as the directory knows it, with its current Chinese name: records name their parties with
     * it, consistent with the writes acknowledged so far.
     */
    record PartyEntry(String code, PartyKind kind, String parentCode, String nameZh) {
    }
}
