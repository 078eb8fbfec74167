package coop.ledger.importing;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an import file into rows, each with the line it starts on. Nested children (an agreement's items) become
 * rows of their own that name their parent, exactly as the CSV form writes them.
 */
final class ImportFileReader {

    /** Top-level sections and the row kind of their entries. */
    static final Map<String, String> SECTIONS = Map.of(
            "parties", "party", "agreements", "agreement", "projects", "project", "programmes", "programme");

    /** Nested lists: parent kind → (list field → child kind). */
    static final Map<String, Map<String, String>> CHILDREN = Map.of(
            "agreement", Map.of("items", "agreement-item", "payments", "agreement-payment", "joins", "agreement-join"),
            "project", Map.of("milestones", "project-milestone"),
            "programme", Map.of("items", "programme-item"));

    /** The field of a child row that names its parent. */
    static final Map<String, String> PARENT_FIELD = Map.of(
            "agreement", "agreementId", "project", "projectId", "programme", "programmeId");

    /** Descriptive top-level fields a dataset may carry; anything else is refused rather than silently skipped. */
    private static final Set<String> DESCRIPTIVE = Set.of("dataset", "sources", "conventions", "omitted", "note", "notes");

    /** CSV columns holding lists, written a|b|c. */
    private static final Set<String> LIST_COLUMNS = Set.of("signatories", "observers", "domains", "investors",
            "hostParties", "participants", "categories", "responsibleParties");

    private final JsonMapper json;

    ImportFileReader(JsonMapper json) {
        this.json = json;
    }

    /** Reads every row and hands it on; a file that is not JSON (or CSV) at all stops with a RowRejectedException. */
    void read(InputStream in, ImportFormat format, Consumer<ImportRow> rows) {
        if (format == ImportFormat.CSV) {
            readCsv(in, rows);
        } else {
            readJson(in, rows);
        }
    }

    private void readJson(InputStream in, Consumer<ImportRow> rows) {
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new RowRejectedException("file", "a JSON import is one object with the sections "
                        + SECTIONS.keySet());
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String section = parser.currentName();
                JsonToken value = parser.nextToken();
                String kind = SECTIONS.get(section);
                if (kind == null) {
                    long line = parser.currentTokenLocation().getLineNr();
                    parser.skipChildren();
                    if (!DESCRIPTIVE.contains(section)) {
                        rows.accept(new ImportRow(line, section, "unknown", json.createObjectNode()));
                    }
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new RowRejectedException(section, "must be a list");
                }
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    long line = parser.currentTokenLocation().getLineNr();
                    JsonNode node = parser.readValueAsTree();
                    String path = section + "[" + index++ + "]";
                    if (!(node instanceof ObjectNode fields)) {
                        rows.accept(new ImportRow(line, path, "unknown", json.createObjectNode()));
                        continue;
                    }
                    emitWithChildren(line, path, kind, fields, rows);
                }
            }
            if (parser.nextToken() != null) {
                throw new RowRejectedException("file", "line " + parser.currentTokenLocation().getLineNr()
                        + ": not valid JSON: more content after the end of the import object");
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new RowRejectedException("file", "line " + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private void emitWithChildren(long line, String path, String kind, ObjectNode fields, Consumer<ImportRow> rows) {
        Map<String, String> children = CHILDREN.getOrDefault(kind, Map.of());
        ObjectNode own = fields.deepCopy().without(children.keySet());
        rows.accept(new ImportRow(line, path, kind, own));
        for (Map.Entry<String, String> child : children.entrySet()) {
            JsonNode list = fields.get(child.getKey());
            if (list == null || list.isNull()) {
                continue;
            }
            String childPath = path + "." + child.getKey();
            if (!(list instanceof ArrayNode array)) {
                rows.accept(new ImportRow(line, childPath, child.getValue(), json.createObjectNode()));
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                ObjectNode childFields = array.get(i) instanceof ObjectNode o ? o.deepCopy() : json.createObjectNode();
                JsonNode parentId = fields.get("id");
                if (parentId != null) {
                    childFields.set(PARENT_FIELD.get(kind), parentId);
                }
                rows.accept(new ImportRow(line, childPath + "[" + i + "]", child.getValue(), childFields));
            }
        }
    }

    private void readCsv(InputStream in, Consumer<ImportRow> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("record")) {
                throw new RowRejectedException("record", "a CSV import needs a column named record (party, "
                        + "agreement, agreement-item, ...)");
            }
            long lineBefore = 1;
            for (CSVRecord record : parser) {
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                rows.accept(new ImportRow(line, "row " + record.getRecordNumber(), record.get("record"),
                        csvFields(header, record)));
            }
        } catch (CSVException e) {
            // A broken file (e.g. an unterminated quote) is the client's mistake, not a failure of the ledger.
            throw new RowRejectedException("file", "not valid CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new RowRejectedException("file", "not valid CSV: " + e.getMessage());
        }
    }

    private ObjectNode csvFields(List<String> header, CSVRecord record) {
        ObjectNode fields = json.createObjectNode();
        for (String column : header) {
            if (column.equals("record") || !record.isSet(column) || record.get(column).isEmpty()) {
                continue;
            }
            String value = record.get(column);
            if (LIST_COLUMNS.contains(column)) {
                ArrayNode list = fields.putArray(column);
                for (String part : value.split("\\|")) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
            } else {
                fields.put(column, value);
            }
        }
        return fields;
    }

    static List<String> kinds() {
        List<String> all = new ArrayList<>(SECTIONS.values());
        CHILDREN.values().forEach(c -> all.addAll(c.values()));
        return all;
    }
}
