package coop.ledger.importing;

import io.micrometer.core.instrument.Metrics;
import coop.ledger.shared.web.Refusal;
import coop.ledger.shared.web.Refusals;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Imports a file of parties, agreements, projects and programmes row by row, each row read, validated and mapped to
 * its command as the REST API does with the matching request body (see {@link RowHandler}). One bad row does not
 * stop the others; every rejected row is reported with its line; importing the same file again records nothing
 * twice (each write carries an Idempotency-Key derived from its row).
 */
@Service
class LedgerImporter {

    private static final Logger log = LoggerFactory.getLogger(LedgerImporter.class);

    private final Map<String, RowHandler> handlers = new HashMap<>();
    private final Map<String, String> parentFields = new HashMap<>();
    private final JsonMapper json;
    private final Validator validator;

    public LedgerImporter(List<RowHandler> rowHandlers, JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        for (RowHandler handler : rowHandlers) {
            handler.kinds().forEach((kind, parentField) -> {
                handlers.put(kind, handler);
                if (parentField != null && !parentField.isEmpty()) {
                    parentFields.put(kind, parentField);
                }
            });
        }
    }

    /** The row kinds this ledger can import. */
    public Set<String> kinds() {
        return handlers.keySet();
    }

    public ImportReport importFile(InputStream in, ImportFormat format, String recordedBy, ImportProgress progress) {
        long started = System.nanoTime();
        Run run = new Run(recordedBy, progress);
        try {
            new ImportFileReader(json).read(in, format, run::record);
        } catch (RowRejectedException e) {
            run.reject(new ImportRow(0, e.field(), "file", json.createObjectNode()), null, e.getMessage(), null,
                    e.field());
        }
        // the application's registry joins Micrometer's global one; the jar's command-line mode counts into it too
        Metrics.counter("ledger.import.rows", "outcome", "recorded").increment(run.recorded);
        Metrics.counter("ledger.import.rows", "outcome", "already-recorded").increment(run.alreadyRecorded);
        Metrics.counter("ledger.import.rows", "outcome", "rejected").increment(run.rejections.size());
        return new ImportReport(format.name(), run.rows, run.recorded, run.alreadyRecorded, run.rejections.size(),
                List.copyOf(run.rejections), (System.nanoTime() - started) / 1_000_000);
    }

    /** The state of one import: counts, rejections, and the records whose rows were rejected. */
    private final class Run {
        private final String recordedBy;
        private final ImportProgress progress;
        private final List<ImportReport.Rejection> rejections = new ArrayList<>();
        private final Map<String, Long> rejectedRecords = new HashMap<>();
        private final Set<String> seenIds = new HashSet<>();
        private long rows;
        private long recorded;
        private long alreadyRecorded;

        Run(String recordedBy, ImportProgress progress) {
            this.recordedBy = recordedBy;
            this.progress = progress;
        }

        void record(ImportRow row) {
            rows++;
            try {
                recordOne(row);
            } finally {
                progress.rowDone(rows, rejections.size());
            }
        }

        private void recordOne(ImportRow row) {
            RowHandler handler = handlers.get(row.kind());
            String id = row.text(row.has("id") ? "id" : "code");
            if (handler == null) {
                reject(row, id, "unknown row kind \"" + row.kind() + "\"; expected one of " + kinds(), null, "record");
                return;
            }
            String parentField = parentFields.get(row.kind());
            String parentId = parentField == null ? null : row.text(parentField);
            if (parentId != null && rejectedRecords.containsKey(parentId)) {
                reject(row, parentId, "not recorded: the row of " + parentId + " (line "
                        + rejectedRecords.get(parentId) + ") was rejected", null, parentField);
                return;
            }
            RowWriter writer = new RowWriter(row, recordedBy, json, validator);
            try {
                handler.record(row, writer);
                if (writer.recordedSomething()) {
                    recorded++;
                } else if (writer.replayedSomething()) {
                    alreadyRecorded++;
                }
            } catch (RowRejectedException e) {
                // the row could not be read as a request body: the import's own finding, naming the row's field
                rejectRecord(row, id, row.kind() + " " + e.field() + ": " + e.getMessage(), null, e.field());
            } catch (RuntimeException e) {
                Refusal refusal = Refusals.classify(e);
                if (refusal.unexpected()) {
                    log.error("Unexpected failure while importing a row", e);
                }
                rejectRecord(row, id, refusal.rowReason(), refusal.rule(), null);
            }
        }

        private void rejectRecord(ImportRow row, String id, String reason, String rule, String field) {
            if (id != null && parentFields.get(row.kind()) == null) {
                rejectedRecords.putIfAbsent(id, row.line());
            }
            reject(row, id, reason, rule, field);
        }

        void reject(ImportRow row, String id, String reason, String rule, String field) {
            rejections.add(new ImportReport.Rejection(row.line(), row.path(), row.kind(), id, reason, rule, field));
        }
    }
}
