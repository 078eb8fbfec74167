package coop.ledger.importing;

import coop.ledger.shared.web.InvalidHeaderException;
import coop.ledger.shared.web.Refusal;
import coop.ledger.shared.web.WriteContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;

/** Bulk import of past records: the file is the request body, the answer a report of every row. */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Import", description = "Catching up on past records in bulk, from JSON or CSV")
class ImportController {

    private final LedgerImporter importer;

    public ImportController(LedgerImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = {"application/json", "text/csv"})
    @Operation(summary = "Import a JSON or CSV file of parties, agreements, projects and programmes",
            description = "Each row is recorded through the same rules as the matching write endpoint; a rejected "
                    + "row is reported with its line and reason and does not stop the others. Importing the same file "
                    + "again records nothing twice.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "object")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    public ResponseEntity<Object> importFile(
            HttpServletRequest request, WriteContext context,
            @Parameter(description = "json or csv (any case); by default taken from the Content-Type", schema = @Schema(implementation = ImportFormat.class))
            @RequestParam(required = false) String format) throws IOException {
        ImportFormat chosen = format != null ? parseFormat(format) : ImportFormat.guess(request.getContentType());
        ImportReport report = importer.importFile(request.getInputStream(), chosen, context.recordedBy(),
                ImportProgress.NONE);
        // A file that cannot be read at all, or breaks off before anything was recorded, is a malformed request.
        ImportReport.Rejection unreadable = report.rejections().stream().filter(r -> r.line() == 0
                && "file".equals(r.kind())).findFirst().orElse(null);
        boolean nothingRecorded = report.recorded() == 0 && report.alreadyRecorded() == 0;
        if ((report.rows() == 0 && report.rejected() > 0) || (unreadable != null && nothingRecorded)) {
            ImportReport.Rejection file = unreadable != null ? unreadable : report.rejections().get(0);
            Refusal malformed = Refusal.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed import file",
                    file.reason()).withError(String.valueOf(file.field()), file.reason());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(malformed.toProblemDetail());
        }
        return ResponseEntity.ok(report);
    }

    private static ImportFormat parseFormat(String format) {
        try {
            return ImportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidHeaderException("format", "format must be json or csv");
        }
    }
}
