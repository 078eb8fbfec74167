package coop.ledger.audit;

import coop.ledger.audit.AuditViews.AsOf;
import coop.ledger.audit.AuditViews.Diff;
import coop.ledger.audit.AuditViews.Fields;
import coop.ledger.audit.AuditViews.History;
import coop.ledger.audit.AuditViews.LedgerSummary;
import coop.ledger.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What auditors ask without reading tables: what happened to a record, who recorded it when and why, what each
 * field held, what changed between two versions, and what the ledger said on a given day. AUDITOR and ADMIN only.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "History, field history, diffs and time travel over any record (AUDITOR, ADMIN)")
class AuditController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditReports reports;
    private final Clock clock;

    public AuditController(AuditReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/records/{id}/history")
    @Operation(summary = "Every event of a record, oldest first: global position, sequence, type, summary in "
            + "Chinese and English, business date, recorded at (UTC and Asia/Shanghai), recorded by, reason, "
            + "correction links, correlation and causation ids. format=csv gives the same as a CSV report")
    public ResponseEntity<?> history(@PathVariable String id,
                                     @Parameter(description = "json (default) or csv")
                                     @RequestParam(defaultValue = "json") String format) {
        History history = reports.history(id);
        if (format.equalsIgnoreCase("csv")) {
            return csv(id, history);
        }
        if (!format.equalsIgnoreCase("json")) {
            throw new RuleViolationException("field.required", "format must be json or csv, got " + format,
                    Map.of("field", "format"));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(history);
    }

    @GetMapping("/records/{id}/history.csv")
    @Operation(summary = "The audit report of one record as CSV (UTF-8 with BOM, so Excel shows the Chinese text)")
    public ResponseEntity<byte[]> historyCsv(@PathVariable String id) {
        return csv(id, reports.history(id));
    }

    @GetMapping("/records/{id}/fields")
    @Operation(summary = "Field-level history: every value each field of the record's state has held, with the "
            + "event that set it, when (recorded at, business date) and by whom")
    public Fields fields(@PathVariable String id) {
        return reports.fields(id);
    }

    @GetMapping("/records/{id}/diff")
    @Operation(summary = "The fields that changed between two versions (from, to; version n = the state after "
            + "n events, 0 = nothing yet) or between two recorded-at instants (fromTime, toTime)")
    public Diff diff(@PathVariable String id,
                     @RequestParam(required = false) Long from,
                     @RequestParam(required = false) Long to,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant fromTime,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant toTime) {
        if (fromTime != null || toTime != null) {
            return reports.diffBetween(id, fromTime != null ? fromTime : Instant.EPOCH,
                    toTime != null ? toTime : clock.instant());
        }
        return reports.diff(id, from != null ? from : 0, to != null ? to : Long.MAX_VALUE);
    }

    @GetMapping("/records/{id}/as-of")
    @Operation(summary = "Time travel: the record as the ledger recorded it at an instant (recordedAt), or as of a "
            + "business date with what is known now, corrections included (businessDate); give exactly one")
    public AsOf asOf(@PathVariable String id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedAt,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate) {
        if ((recordedAt == null) == (businessDate == null)) {
            throw new RuleViolationException("field.required",
                    "give exactly one of recordedAt (an instant, e.g. 2021-06-01T12:00:00Z) or businessDate "
                            + "(a date, e.g. 2021-06-01)", Map.of("field", "recordedAt"));
        }
        return recordedAt != null ? reports.asRecordedAt(id, recordedAt) : reports.asOfBusinessDate(id, businessDate);
    }

    @GetMapping("/summary")
    @Operation(summary = "Headline figures of the whole ledger as recorded at an instant (default now): parties, "
            + "agreements by status and their items, projects and investment, programme items planned and completed")
    public LedgerSummary summary(@RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedAt) {
        return reports.summary(recordedAt != null ? recordedAt : clock.instant());
    }

    private static ResponseEntity<byte[]> csv(String id, History history) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(id + "-history.csv", StandardCharsets.UTF_8).build().toString())
                .body(HistoryCsv.of(history));
    }
}
