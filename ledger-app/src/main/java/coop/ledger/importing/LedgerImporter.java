package coop.ledger.importing;

import io.micrometer.core.instrument.Metrics;
import coop.ledger.eventstore.BatchAggregateCache;
import coop.ledger.shared.web.Refusal;
import coop.ledger.shared.web.Refusals;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a file of parties, agreements, projects and programmes row by row, each row read, validated and mapped to
 * its command as the REST API does with the matching request body (see {@link RowHandler}). One bad row does not
 * stop the others; every rejected row is reported with its line; importing the same file again records nothing
 * twice (each write carries an Idempotency-Key derived from its row).
 * <p>
 * Rows are committed in batches of {@code ledger.import.batch-size} rows (default 1,000; 1 commits each row alone):
 * a commit per row is what limited imports, not the rules. Each command still runs in its own unit of work, which
 * joins the batch's transaction, so it loads its record from the store (the batch's own earlier rows included) and
 * is decided exactly as alone (within the batch, a record is taken from {@link BatchAggregateCache} as the batch's
 * previous command left it, instead of being folded again from the store). Each row runs after a savepoint: a refused row is rolled back to it, alone, and the
 * rows before and after it in the batch are kept. A crash loses at most the open batch, whole rows only; importing
 * the file again records what is missing and answers the rest from their Idempotency-Keys.
 */
@Service
class LedgerImporter {

    private static final Logger log = LoggerFactory.getLogger(LedgerImporter.class);

    private final Map<String, RowHandler> handlers = new HashMap<>();
    private final Map<String, String> parentFields = new HashMap<>();
    private final JsonMapper json;
    private final Validator validator;
    private final PlatformTransactionManager transactions;
    private final int batchSize;

    public LedgerImporter(List<RowHandler> rowHandlers, JsonMapper json, Validator validator,
                          PlatformTransactionManager transactions,
                          @Value("${ledger.import.batch-size:1000}") int batchSize) {
        this.json = json;
        this.validator = validator;
        this.transactions = transactions;
        this.batchSize = Math.max(1, batchSize);
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
            run.commitBatch();
            run.reject(new ImportRow(0, e.field(), "file", json.createObjectNode()), null, e.getMessage(), null,
                    e.field());
        } finally {
            // rows done before a broken file or a lost connection are whole rows: they are kept, as before batching
            run.commitBatch();
        }
        // the application's registry joins Micrometer's global one; the jar's command-line mode counts into it too
        Metrics.counter("ledger.import.rows", "outcome", "recorded").increment(run.recorded);
        Metrics.counter("ledger.import.rows", "outcome", "already-recorded").increment(run.alreadyRecorded);
        Metrics.counter("ledger.import.rows", "outcome", "rejected").increment(run.rejections.size());
        return new ImportReport(format.name(), run.rows, run.recorded, run.alreadyRecorded, run.rejections.size(),
                List.copyOf(run.rejections), (System.nanoTime() - started) / 1_000_000);
    }

    private record Counts(long recorded, long alreadyRecorded, int rejections, Map<String, Long> rejectedRecords) {
    }

    /** The state of one import: counts, rejections, and the records whose rows were rejected. */
    private final class Run {
        private final String recordedBy;
        private final ImportProgress progress;
        private final List<ImportReport.Rejection> rejections = new ArrayList<>();
        private final Map<String, Long> rejectedRecords = new HashMap<>();
        private long rows;
        private long recorded;
        private long alreadyRecorded;
        /** The open batch: its transaction, its rows, and the counts from before it (to redo it should it fail). */
        private TransactionStatus batch;
        private final List<ImportRow> batchRows = new ArrayList<>();
        private Counts beforeBatch;
        /** True while the rows of a batch whose commit failed are recorded again, each alone. */
        private boolean redoing;

        Run(String recordedBy, ImportProgress progress) {
            this.recordedBy = recordedBy;
            this.progress = progress;
        }

        void record(ImportRow row) {
            rows++;
            try {
                recordInBatch(row);
            } finally {
                progress.rowDone(rows, rejections.size());
            }
        }

        /** Records the row after a savepoint of the open batch, and rolls it back to there if it was rejected. */
        private void recordInBatch(ImportRow row) {
            if (batch == null) {
                beforeBatch = new Counts(recorded, alreadyRecorded, rejections.size(), new HashMap<>(rejectedRecords));
                batch = transactions.getTransaction(new DefaultTransactionDefinition());
                BatchAggregateCache.openBatch();
            }
            batchRows.add(row);
            Object savepoint = batch.createSavepoint();
            int rejectedBefore = rejections.size();
            recordOne(row);
            if (rejections.size() > rejectedBefore) {
                // also clears the rollback-only mark the refused command's unit of work left on the transaction
                batch.rollbackToSavepoint(savepoint);
                // records kept for the batch may hold writes of this row that the savepoint just undid
                BatchAggregateCache.forgetBatch();
            } else {
                batch.releaseSavepoint(savepoint);
            }
            if (batchRows.size() >= batchSize) {
                commitBatch();
            }
        }

        /**
         * Commits the open batch. Should the commit itself fail (the store refused it: a lock timeout, a
         * serialization failure), nothing of the batch was recorded: its rows are recorded again one by one, each
         * in a transaction of its own, so the report says exactly what was recorded; a row whose own commit fails
         * is reported as rejected.
         */
        void commitBatch() {
            if (batch == null) {
                return;
            }
            TransactionStatus open = batch;
            batch = null;
            List<ImportRow> done = List.copyOf(batchRows);
            batchRows.clear();
            BatchAggregateCache.closeBatch();
            try {
                transactions.commit(open);
                if (!redoing) {
                    progress.committed(rows);
                }
            } catch (RuntimeException e) {
                recorded = beforeBatch.recorded();
                alreadyRecorded = beforeBatch.alreadyRecorded();
                rejections.subList(beforeBatch.rejections(), rejections.size()).clear();
                rejectedRecords.clear();
                rejectedRecords.putAll(beforeBatch.rejectedRecords());
                if (redoing) {
                    // a row alone could not be committed either: it is reported, and the import goes on
                    ImportRow row = done.get(0);
                    Refusal refusal = Refusals.classify(e);
                    rejectRecord(row, row.text(row.has("id") ? "id" : "code"), refusal.rowReason(), refusal.rule(),
                            null);
                    return;
                }
                log.warn("An import batch of {} rows could not be committed ({}); recording its rows one by one",
                        done.size(), e.toString());
                redoing = true;
                try {
                    for (ImportRow row : done) {
                        recordInBatch(row);
                        commitBatch();
                    }
                } finally {
                    redoing = false;
                }
                progress.committed(rows);
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
