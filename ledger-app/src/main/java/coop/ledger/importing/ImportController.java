package coop.ledger.importing;

import coop.ledger.shared.web.InvalidHeaderException;
import coop.ledger.shared.web.RecordNotFoundException;
import coop.ledger.shared.web.Refusal;
import coop.ledger.shared.web.WriteContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Bulk import of past records: the file is the request body, the answer a report of every row, or, for a large file
 * or a client that prefers it, a job to follow ({@link ImportJobs}).
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Import", description = "Catching up on past records in bulk, from JSON or CSV")
class ImportController {

    /** How many jobs {@code GET /api/imports} lists. */
    static final int RECENT_JOBS = 20;

    private final LedgerImporter importer;
    private final ImportJobs jobs;
    private final JsonMapper json;

    public ImportController(LedgerImporter importer, ImportJobs jobs, JsonMapper json) {
        this.importer = importer;
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping(consumes = {"application/json", "text/csv"})
    @Operation(summary = "Import a JSON or CSV file of parties, agreements, projects and programmes",
            description = "Each row is recorded through the same rules as the matching write endpoint; a rejected "
                    + "row is reported with its line and reason and does not stop the others. Importing the same file "
                    + "again records nothing twice. A file of more than ledger.import.async-above-rows rows "
                    + "(default 10,000), or any file sent with Prefer: respond-async, runs as a job: the answer is "
                    + "202 with Location /api/imports/{id}, where its progress and, once done, its report are read.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "object")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}),
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = "respond-async "
                    + "(RFC 7240) runs the import as a job, whatever its size", schema = @Schema(type = "string",
                    example = "respond-async")))
    @ApiResponse(responseCode = "200", description = "The import's report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "202", description = "The import runs as a job; follow it at the Location",
            headers = @Header(name = "Location", description = "/api/imports/{id}", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ImportJobStatus.class)))
    public ResponseEntity<Object> importFile(
            HttpServletRequest request, WriteContext context,
            @Parameter(description = "json or csv (any case); by default taken from the Content-Type", schema = @Schema(implementation = ImportFormat.class))
            @RequestParam(required = false) String format) throws IOException {
        ImportFormat chosen = format != null ? parseFormat(format) : ImportFormat.guess(request.getContentType());
        // The file is kept whole before anything is recorded: its rows are counted (the rule below, and a job's
        // ETA), and a job reads it after this request has ended.
        Path file = Files.createTempFile("ledger-import-", "." + chosen.name().toLowerCase(Locale.ROOT));
        boolean handedToJob = false;
        try {
            try (InputStream body = request.getInputStream()) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportRowCount count = ImportRowCount.of(file, chosen, json);
            boolean prefersAsync = prefersAsync(request);
            if (jobs.runsAsJob(prefersAsync, count)) {
                ImportJobStatus job = jobs.submit(file, chosen, count.rows(), context.recordedBy());
                handedToJob = true;
                ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted()
                        .location(URI.create("/api/imports/" + job.id()));
                if (prefersAsync) {
                    accepted.header("Preference-Applied", "respond-async");
                }
                return accepted.body(job);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return answer(importer.importFile(in, chosen, context.recordedBy(), ImportProgress.NONE));
            }
        } finally {
            if (!handedToJob) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static ResponseEntity<Object> answer(ImportReport report) {
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

    @GetMapping("/{jobId}")
    @Operation(summary = "An import job: state, rows done, rows/s, ETA and, once done, the report",
            description = "state is queued, running, done, failed or interrupted. rowsPerSecond and etaSeconds "
                    + "measure the job since it started; times are UTC, each with its Asia/Shanghai local time. "
                    + "Any node of a cluster answers (the running node writes the progress about once a second). "
                    + "An interrupted job kept rowsCommitted rows: post the same file again to complete it.")
    public ImportJobStatus job(@PathVariable String jobId) {
        return jobs.status(jobId).orElseThrow(() -> new RecordNotFoundException("import job", jobId));
    }

    @GetMapping
    @Operation(summary = "The " + RECENT_JOBS + " most recent import jobs, newest first (without their reports)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ImportJobStatus.class))))
    public List<ImportJobStatus> recentJobs() {
        return jobs.recent(RECENT_JOBS);
    }

    /** {@code Prefer: respond-async} (RFC 7240), among the preferences of any Prefer header. */
    static boolean prefersAsync(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                String token = preference.split(";", 2)[0].split("=", 2)[0].strip();
                if (token.equalsIgnoreCase("respond-async")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ImportFormat parseFormat(String format) {
        try {
            return ImportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidHeaderException("format", "format must be json or csv");
        }
    }
}
