package coop.ledger.audit;

import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.audit.AuditViews.AgreementFigures;
import coop.ledger.audit.AuditViews.AsOf;
import coop.ledger.audit.AuditViews.Change;
import coop.ledger.audit.AuditViews.Diff;
import coop.ledger.audit.AuditViews.FieldHistory;
import coop.ledger.audit.AuditViews.FieldValue;
import coop.ledger.audit.AuditViews.Fields;
import coop.ledger.audit.AuditViews.History;
import coop.ledger.audit.AuditViews.HistoryEntry;
import coop.ledger.audit.AuditViews.LedgerSummary;
import coop.ledger.audit.AuditViews.ProgrammeFigures;
import coop.ledger.audit.AuditViews.ProjectFigures;
import coop.ledger.audit.AuditViews.Provenance;
import coop.ledger.party.state.PartyState;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.state.ProjectState;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.shared.LedgerTime;
import coop.ledger.shared.Money;
import coop.ledger.shared.web.RecordNotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the auditors' answers from a record's timeline: history, field history, diffs, time travel, summary. */
@Component
class AuditReports {

    private static final DateTimeFormatter SHANGHAI_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(LedgerTime.ZONE);

    private final AuditTrail trail;
    private final JsonMapper json;
    private final StatePaths paths;

    AuditReports(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
        this.paths = new StatePaths(json);
    }

    RecordTimeline timeline(String recordId) {
        return trail.timeline(recordId).orElseThrow(() -> new RecordNotFoundException("record", recordId));
    }

    History history(String recordId) {
        RecordTimeline timeline = timeline(recordId);
        Map<Long, List<Long>> correctedBy = new LinkedHashMap<>();
        timeline.events().stream().filter(e -> e.correctsSequence() != null)
                .forEach(e -> correctedBy.computeIfAbsent(e.correctsSequence(), s -> new ArrayList<>())
                        .add(e.sequence()));
        List<HistoryEntry> entries = timeline.events().stream().map(e -> {
            EventSummary summary = EventSummaries.describe(e.payload());
            JsonNode reason = json.valueToTree(e.payload()).path("reason");
            return new HistoryEntry(e.position(), e.sequence(), e.eventId(), e.eventType(),
                    new AuditViews.Summary(summary.zh(), summary.en()), e.businessDate(), e.recordedAt(),
                    shanghai(e.recordedAt()), e.recordedBy(), reason.isString() ? reason.asString() : null,
                    e.correctsSequence(), correctedBy.getOrDefault(e.sequence(), List.of()), e.correlationId(),
                    e.causationId());
        }).toList();
        return new History(recordId, timeline.concept().label(), entries);
    }

    Fields fields(String recordId) {
        RecordTimeline timeline = timeline(recordId);
        List<Object> states = timeline.statesAfterEachEvent();
        Map<String, List<FieldValue>> byPath = new LinkedHashMap<>();
        Map<String, JsonNode> before = Map.of();
        for (int i = 0; i < states.size(); i++) {
            Map<String, JsonNode> after = paths.flatten(states.get(i));
            Provenance since = provenance(timeline.events().get(i));
            for (String path : StatePaths.changedPaths(before, after)) {
                byPath.computeIfAbsent(path, p -> new ArrayList<>())
                        .add(new FieldValue(StatePaths.valueAt(after, path), since));
            }
            before = after;
        }
        List<FieldHistory> fields = byPath.entrySet().stream()
                .map(entry -> new FieldHistory(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
        return new Fields(recordId, timeline.concept().label(), fields);
    }

    Diff diff(String recordId, long fromVersion, long toVersion) {
        RecordTimeline timeline = timeline(recordId);
        long last = timeline.events().size();
        long from = Math.max(0, Math.min(fromVersion, last));
        long to = Math.max(0, Math.min(toVersion, last));
        Map<String, JsonNode> before = paths.flatten(timeline.stateAfter(from));
        Map<String, JsonNode> after = paths.flatten(timeline.stateAfter(to));
        List<Change> changes = StatePaths.changedPaths(before, after).stream()
                .map(path -> new Change(path, StatePaths.valueAt(before, path), StatePaths.valueAt(after, path)))
                .toList();
        return new Diff(recordId, timeline.concept().label(), from, to, changes);
    }

    Diff diffBetween(String recordId, Instant fromTime, Instant toTime) {
        RecordTimeline timeline = timeline(recordId);
        return diff(recordId, timeline.recordedBy(fromTime).size(), timeline.recordedBy(toTime).size());
    }

    AsOf asRecordedAt(String recordId, Instant recordedAt) {
        RecordTimeline timeline = timeline(recordId);
        Object state = timeline.asRecordedAt(recordedAt);
        if (state == null) {
            throw new RecordNotFoundException("record as recorded at " + recordedAt, recordId);
        }
        return new AsOf(recordId, timeline.concept().label(), recordedAt, null,
                timeline.recordedBy(recordedAt).size(), json.valueToTree(state));
    }

    AsOf asOfBusinessDate(String recordId, LocalDate businessDate) {
        RecordTimeline timeline = timeline(recordId);
        Object state = timeline.asOfBusinessDate(businessDate);
        if (state == null) {
            throw new RecordNotFoundException("record as of business date " + businessDate, recordId);
        }
        return new AsOf(recordId, timeline.concept().label(), null, businessDate,
                timeline.eventsAsOfBusinessDate(businessDate).size(), json.valueToTree(state));
    }

    /** Folds every record of the ledger up to {@code recordedAt}; fine for a ledger of thousands of records. */
    LedgerSummary summary(Instant recordedAt) {
        long parties = 0;
        List<AgreementState> agreements = new ArrayList<>();
        List<ProjectState> projects = new ArrayList<>();
        List<ProgrammeState> programmes = new ArrayList<>();
        for (String recordId : trail.recordIds()) {
            Object state = trail.timeline(recordId).map(t -> t.asRecordedAt(recordedAt)).orElse(null);
            if (state instanceof PartyState) {
                parties++;
            } else if (state instanceof AgreementState a) {
                agreements.add(a);
            } else if (state instanceof ProjectState p) {
                projects.add(p);
            } else if (state instanceof ProgrammeState p) {
                programmes.add(p);
            }
        }
        Map<String, Long> agreementsByStatus = new TreeMap<>();
        for (AgreementStatus status : AgreementStatus.values()) {
            agreementsByStatus.put(status.name(),
                    agreements.stream().filter(a -> a.status() == status).count());
        }
        Map<String, Long> projectsByStatus = new TreeMap<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            projectsByStatus.put(status.name(), projects.stream().filter(p -> p.status() == status)
                    .mapToLong(ProjectState::projectCount).sum());
        }
        Money agreed = projects.stream().map(ProjectState::agreedInvestment).filter(m -> m != null)
                .reduce(Money.zero(), Money::plus);
        Money actual = projects.stream().map(ProjectState::actualInvestment).reduce(Money.zero(), Money::plus);
        List<ProjectState> live = projects.stream().filter(p -> p.status().live()).toList();
        Money liveAgreed = live.stream().map(ProjectState::agreedInvestment).filter(m -> m != null)
                .reduce(Money.zero(), Money::plus);
        Money planned = projects.stream().map(ProjectState::plannedInvestment).filter(m -> m != null)
                .reduce(Money.zero(), Money::plus);
        Money livePlanned = live.stream().map(ProjectState::plannedInvestment).filter(m -> m != null)
                .reduce(Money.zero(), Money::plus);
        Money paid = agreements.stream().map(AgreementState::paymentsTotal).reduce(Money.zero(), Money::plus);
        return new LedgerSummary(recordedAt, parties,
                new AgreementFigures(agreements.size(), agreementsByStatus,
                        agreements.stream().filter(a -> a.status().ended()).count(),
                        agreements.stream().mapToLong(a -> a.itemCounts().total()).sum(),
                        agreements.stream().mapToLong(a -> a.itemCounts().completed()).sum(), paid.plain()),
                new ProjectFigures(projects.size(), projects.stream().mapToLong(ProjectState::projectCount).sum(),
                        projectsByStatus, agreed.plain(), agreed.toChinese(), actual.plain(), actual.toChinese(),
                        live.size(), live.stream().mapToLong(ProjectState::projectCount).sum(), liveAgreed.plain(),
                        liveAgreed.toChinese(), planned.plain(), livePlanned.plain()),
                new ProgrammeFigures(programmes.size(),
                        programmes.stream().mapToLong(p -> p.counts().planned()).sum(),
                        programmes.stream().mapToLong(p -> p.counts().addedLater()).sum(),
                        programmes.stream().mapToLong(p -> p.counts().completed()).sum()));
    }

    static String shanghai(Instant instant) {
        return SHANGHAI_TEXT.format(instant);
    }

    private static Provenance provenance(RecordedEvent e) {
        return new Provenance(e.position(), e.sequence(), e.eventType(), e.businessDate(), e.recordedAt(),
                shanghai(e.recordedAt()), e.recordedBy());
    }
}
