package coop.ledger.opendata;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.state.PartyState;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.state.ProjectState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parties, agreements and signed projects as the ledger had recorded them at an instant, each folded by its
 * concept's own fold in the core ({@link PartyState#fold}, {@link AgreementState#fold}, {@link ProjectState#fold}),
 * so the open data says what every other endpoint says. Alongside each record it keeps what the OC4IDS package
 * publishes as modifications: every correction (更正) and amendment, with the state just before and just after it,
 * and when the ledger recorded it.
 */
final class RecordedLedger {

    /**
     * One correction or amendment of a record: the event (which carries the reason), its sequence in the record,
     * when it was recorded, and the record's state before and after it, as the core's fold made them.
     */
    record Change<S>(long sequence, Instant recordedAt, Object event, S before, S after) {
    }

    private final Instant recordedAt;
    private final Map<String, PartyState> parties = new HashMap<>();
    private final Map<String, AgreementState> agreements = new HashMap<>();
    private final Map<String, ProjectState> projects = new HashMap<>();
    private final Map<String, List<Change<ProjectState>>> projectChanges = new HashMap<>();
    private final Map<String, List<Change<AgreementState>>> agreementChanges = new HashMap<>();
    private final Map<String, Instant> lastRecorded = new HashMap<>();
    private Instant latest;

    /** An empty ledger as of {@code recordedAt}; {@link #accept} adds the events recorded by then. */
    RecordedLedger(Instant recordedAt) {
        this.recordedAt = recordedAt;
    }

    /**
     * Folds one event of record {@code recordId} in, when it was recorded at or before this ledger's instant (an
     * event recorded later is not part of what the ledger said then). Events of a record arrive in their order.
     */
    void accept(String recordId, long sequence, Instant eventRecordedAt, Object payload) {
        if (eventRecordedAt.isAfter(recordedAt)) {
            return;
        }
        if (payload instanceof PartyEvent e) {
            if (e instanceof PartyRegisteredEvent || parties.containsKey(recordId)) {
                parties.put(recordId, PartyState.fold(parties.get(recordId), e));
            }
        } else if (payload instanceof AgreementEvent e) {
            if (e instanceof AgreementSignedEvent || agreements.containsKey(recordId)) {
                AgreementState before = agreements.get(recordId);
                AgreementState after = AgreementState.fold(before, e);
                agreements.put(recordId, after);
                if (e instanceof AgreementSigningCorrectedEvent || e instanceof AgreementAmendedEvent) {
                    agreementChanges.computeIfAbsent(recordId, id -> new ArrayList<>())
                            .add(new Change<>(sequence, eventRecordedAt, e, before, after));
                }
            }
        } else if (payload instanceof ProjectEvent e) {
            if (e instanceof ProjectSignedEvent || projects.containsKey(recordId)) {
                ProjectState before = projects.get(recordId);
                ProjectState after = ProjectState.fold(before, e);
                projects.put(recordId, after);
                if (e instanceof ProjectCorrectedEvent || e instanceof InvestmentReportCorrectedEvent) {
                    projectChanges.computeIfAbsent(recordId, id -> new ArrayList<>())
                            .add(new Change<>(sequence, eventRecordedAt, e, before, after));
                }
            }
        } else {
            return; // a programme's events: not part of what this package publishes
        }
        lastRecorded.merge(recordId, eventRecordedAt, (a, b) -> a.isAfter(b) ? a : b);
        if (latest == null || eventRecordedAt.isAfter(latest)) {
            latest = eventRecordedAt;
        }
    }

    /** The instant the ledger is read at. */
    Instant recordedAt() {
        return recordedAt;
    }

    /** When the newest event of a party, agreement or project folded in here was recorded; empty when none was. */
    Optional<Instant> latestChange() {
        return Optional.ofNullable(latest);
    }

    Collection<ProjectState> projects() {
        return projects.values();
    }

    Optional<PartyState> party(String code) {
        return Optional.ofNullable(parties.get(code));
    }

    Optional<AgreementState> agreement(String agreementId) {
        return agreementId == null ? Optional.empty() : Optional.ofNullable(agreements.get(agreementId));
    }

    /** The corrections of a project (of its signing and of its investment reports), in recorded order. */
    List<Change<ProjectState>> projectChanges(String projectId) {
        return projectChanges.getOrDefault(projectId, List.of());
    }

    /** The signing corrections and amendments of an agreement, in recorded order. */
    List<Change<AgreementState>> agreementChanges(String agreementId) {
        return agreementId == null ? List.of() : agreementChanges.getOrDefault(agreementId, List.of());
    }

    /** When the newest event of the record was recorded. */
    Instant lastRecorded(String recordId) {
        return lastRecorded.get(recordId);
    }
}
