package coop.ledger.testdata;

import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.shared.RecordDirectory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link RecordDirectory} held in memory, filled by the test rather than by projections. */
public final class InMemoryRecordDirectory implements RecordDirectory {

    private final Map<String, PartyEntry> parties = new HashMap<>();
    private final Set<String> agreements = new HashSet<>();

    /** Knows every party of {@link Parties#registered()} and the agreements of {@link Agreements#recorded()}. */
    public static InMemoryRecordDirectory withSamples() {
        InMemoryRecordDirectory directory = new InMemoryRecordDirectory();
        Parties.registered().forEach(directory::add);
        Agreements.recorded().forEach(directory::addAgreement);
        return directory;
    }

    public InMemoryRecordDirectory add(PartyRegisteredEvent party) {
        parties.put(party.code(), new PartyEntry(party.code(), party.kind(), party.parentCode(), party.nameZh()));
        return this;
    }

    public InMemoryRecordDirectory addAgreement(String agreementId) {
        agreements.add(agreementId);
        return this;
    }

    @Override
    public Optional<PartyEntry> party(String code) {
        return Optional.ofNullable(parties.get(code));
    }

    @Override
    public boolean agreementExists(String agreementId) {
        return agreements.contains(agreementId);
    }
}
