package coop.ledger.audit;

import coop.ledger.audit.AuditViews.History;
import coop.ledger.audit.AuditViews.HistoryEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The audit report of one record as CSV: UTF-8 with a byte-order mark so that Excel shows the Chinese text,
 * RFC 4180 quoting (commas, quotes and line breaks inside values survive), one line per event, oldest first.
 */
final class HistoryCsv {

    static final String[] HEADER = {"position", "sequence", "event_type", "summary_zh", "summary_en",
            "business_date", "recorded_at_utc", "recorded_at_shanghai", "recorded_by", "reason", "corrects_sequence",
            "corrected_by", "event_id", "correlation_id", "causation_id"};
    private static final String BOM = "\uFEFF";

    private HistoryCsv() {
    }

    static byte[] of(History history) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (HistoryEntry e : history.events()) {
                csv.printRecord(e.position(), e.sequence(), e.eventType(), e.summary().zh(), e.summary().en(),
                        e.businessDate(), e.recordedAt(), e.recordedAtShanghai(), e.recordedBy(), e.reason(),
                        e.correctsSequence(),
                        e.correctedBy().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        e.eventId(), e.correlationId(), e.causationId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
