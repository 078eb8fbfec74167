package coop.ledger.importing;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rows of an import file, counted before it is imported: what a progress line or an import job measures its
 * ETA against, and what decides whether an HTTP import runs as a job. The file is read by the importer's own
 * reader, so a row counted here is a row the import will count. A file that breaks off is counted up to the break
 * (the import stops there too); {@code readable} is false when it breaks before its first row.
 */
record ImportRowCount(long rows, boolean readable) {

    static ImportRowCount of(Path file, ImportFormat format, JsonMapper json) {
        long[] rows = {0};
        try (InputStream in = Files.newInputStream(file)) {
            new ImportFileReader(json).read(in, format, row -> rows[0]++);
        } catch (RowRejectedException broken) {
            return new ImportRowCount(rows[0], rows[0] > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportRowCount(rows[0], true);
    }
}
