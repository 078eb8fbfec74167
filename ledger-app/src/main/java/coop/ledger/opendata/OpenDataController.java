package coop.ledger.opendata;

import coop.ledger.opendata.Oc4ids.ProjectPackage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Open data: the signed projects (签约项目) as an OC4IDS 0.9 project package. Read like every other list. */
@RestController
@Tag(name = "Open data", description = "The ledger's records in open data standards")
class OpenDataController {

    static final String PATH = "/api/open-data/oc4ids";

    private final Oc4idsPublisher publisher;

    OpenDataController(Oc4idsPublisher publisher) {
        this.publisher = publisher;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed projects (签约项目) as an OC4IDS 0.9 project package",
            description = "Every project record as one OC4IDS project: hosts as publicAuthority, investors as "
                    + "funder, the signatories of its agreement as agreementSignatory; status in the projectStatus "
                    + "codelist; the agreed investment (协议投资) as the budget in CNY; the signing date as the "
                    + "period's start; sector from the projectSector codelist where the domain maps to one and the "
                    + "domain itself as an additional classification; the hosts' districts as locations; the "
                    + "agreement as a document; corrections and amendments, with their reasons, as modifications of "
                    + "the signing. The package validates against the OC4IDS 0.9 schema. See "
                    + "docs/open-data-oc4ids.md for the full mapping.")
    @ApiResponse(responseCode = "200", description = "the package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ProjectPackage.class)))
    @ApiResponse(responseCode = "400", description = "recordedAt is not an instant with an offset, or the query "
            + "names a parameter this endpoint does not take; the problem names the parameter")
    @ApiResponse(responseCode = "401", description = "no or wrong credentials")
    @ApiResponse(responseCode = "404", description = "nothing-to-publish: no signed project was recorded (by "
            + "recordedAt); an OC4IDS package holds at least one project")
    public ProjectPackage oc4ids(
            @Parameter(description = "the package as the ledger recorded it at this instant (ISO 8601 with an "
                    + "offset, e.g. 2021-06-01T12:00:00Z); default now",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedAt) {
        return publisher.publish(recordedAt).orElseThrow(() -> new NothingToPublishException(recordedAt));
    }
}
