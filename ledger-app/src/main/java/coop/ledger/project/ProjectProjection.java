package coop.ledger.project;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ChangeCollector;
import coop.ledger.processing.Projections;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code dash_project}, its host and investor links and its investment reports. */
@Component
@ProcessingGroup(Projections.PROCESSOR)
class ProjectProjection {

    private final ProjectRows store;
    private final ChangeCollector changes;

    public ProjectProjection(ProjectRows store, ChangeCollector changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(ProjectSignedEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        if (store.project(e.projectId()).map(r -> r.hasApplied(at)).orElse(false)) {
            return;
        }
        ProjectRow row = ProjectRow.signed(e, at);
        store.save(row);
        store.saveParties(row);
        Projections.announce(changes, replay, "project", row.id(), message, at);
    }

    @EventHandler
    void on(ProjectEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        ProjectRow row = store.project(e.projectId())
                .orElseThrow(() -> Projections.missing("project", e.projectId()));
        if (row.hasApplied(at)) {
            return;
        }
        ProjectRow next = row.apply(e, at);
        store.save(next);
        if (e instanceof InvestmentReportedEvent report) {
            store.save(InvestmentReportRow.reported(report, at));
        } else if (!next.hostParties().equals(row.hostParties()) || !next.investors().equals(row.investors())) {
            store.saveParties(next);
        }
        Projections.announce(changes, replay, "project", row.id(), message, at);
    }

    /** A report's correction moves the project's actual investment by the difference. */
    @EventHandler
    void on(InvestmentReportCorrectedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        ProjectRow row = store.project(e.projectId())
                .orElseThrow(() -> Projections.missing("project", e.projectId()));
        if (row.hasApplied(at)) {
            return;
        }
        InvestmentReportRow report = store.investmentReport(e.projectId(), e.reportId())
                .orElseThrow(() -> Projections.missing("investment report", e.projectId() + "/" + e.reportId()));
        InvestmentReportRow corrected = report.corrected(e, at);
        store.save(corrected);
        store.save(row.reportCorrected(report.amount(), corrected.amount(), at));
        Projections.announce(changes, replay, "project", row.id(), message, at);
    }
}
