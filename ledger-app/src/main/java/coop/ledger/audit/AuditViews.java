package coop.ledger.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The bodies the audit endpoints answer with. */
final class AuditViews {

    private AuditViews() {
    }

    /** Where an event sits in the ledger and who recorded it when: the provenance of a value. */
    record Provenance(
            long position,
            long sequence,
            String eventType,
            LocalDate businessDate,
            Instant recordedAt,
            @Schema(description = "recorded-at in Asia/Shanghai local time") String recordedAtShanghai,
            String recordedBy) {
    }

    record Summary(String zh, String en) {
    }

    /** One event of a record's history. */
    record HistoryEntry(
            long position,
            long sequence,
            String eventId,
            String eventType,
            Summary summary,
            LocalDate businessDate,
            Instant recordedAt,
            String recordedAtShanghai,
            String recordedBy,
            String reason,
            @Schema(description = "for a correction: the sequence of the event it corrects") Long correctsSequence,
            @Schema(description = "the sequences of the corrections that cite this event") List<Long> correctedBy,
            String correlationId,
            @Schema(description = "the id of the message that caused this event (Axon's trace id)") String causationId) {
    }

    record History(String recordId, String concept, List<HistoryEntry> events) {
    }

    /** A value a field held, from the event that set it until the next value. */
    record FieldValue(@Schema(description = "any JSON value") Object value, Provenance since) {
    }

    record FieldHistory(String path, List<FieldValue> values) {
    }

    record Fields(String recordId, String concept, List<FieldHistory> fields) {
    }

    record Change(String path, @Schema(description = "any JSON value") Object from,
                  @Schema(description = "any JSON value") Object to) {
    }

    record Diff(String recordId, String concept, long fromVersion, long toVersion, List<Change> changes) {
    }

    record AsOf(String recordId, String concept, Instant recordedAt, LocalDate businessDate,
                @Schema(description = "how many of the record's events the state folds") long eventsFolded,
                @Schema(description = "the record's state, as its GET endpoint's fold builds it") Object state) {
    }

    /** Headline figures of the whole ledger as recorded at an instant. */
    record LedgerSummary(
            Instant recordedAt,
            long parties,
            AgreementFigures agreements,
            ProjectFigures projects,
            ProgrammeFigures programmes) {
    }

    /** {@code ended}: expired, terminated or superseded ({@code AgreementStatus.ended()}). */
    record AgreementFigures(long total, Map<String, Long> byStatus, long ended, long items, long itemsCompleted,
                            String paymentsYuan) {
    }

    /**
     * Every project record, cancelled ones included, and apart the live ones (every status but cancelled,
     * {@code ProjectStatus.live()}): the headline the dashboard shows. Total planned investment (总投资) is its own
     * kind of amount, never part of the agreed investment.
     */
    record ProjectFigures(long records, long projectCount, Map<String, Long> byStatus, String agreedInvestmentYuan,
                          String agreedInvestmentText, String actualInvestmentYuan, String actualInvestmentText,
                          long liveRecords, long liveProjectCount, String liveAgreedInvestmentYuan,
                          String liveAgreedInvestmentText, String plannedInvestmentYuan,
                          String livePlannedInvestmentYuan) {
    }

    record ProgrammeFigures(long total, long itemsPlanned, long itemsAddedLater, long itemsCompleted) {
    }
}
