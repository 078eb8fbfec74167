package coop.ledger.dashboard;

import coop.ledger.shared.query.AllowedValues;
import coop.ledger.agreement.AgreementQueryController;
import coop.ledger.project.ProjectQueryController;
import coop.ledger.shared.query.QueryParameters;
import coop.ledger.shared.query.Filters;
import coop.ledger.processing.QueryCache;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.sheet.SheetFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Totals and completion rates by group, as dashboards chart them. */
@RestController
@Tag(name = "Statistics", description = "Grouped totals read from the dashboard projections")
class StatsController {

    private final StatsReadModel stats;
    private final QueryCache cache;

    public StatsController(StatsReadModel stats, QueryCache cache) {
        this.cache = cache;
        this.stats = stats;
    }

    @GetMapping("/api/stats/projects")
    @Operation(summary = "Signed projects by host, investor, domain, occasion, status, month or year",
            description = "projects sums how many projects each record stands for (projectCount); records counts "
                    + "records. A project with two hosts counts for each host; total counts it once.")
    public ProjectStats projects(
            @Parameter(description = "host, investor, domain, occasion, status, month or year") @AllowedValues(in = StatsReadModel.class, field = "PROJECT_GROUPS") @RequestParam String groupBy,
            @Parameter(description = "a party code: projects it hosts or invests in") @RequestParam(required = false) String party,
            @Parameter(description = "narrows party: HOST or INVESTOR (or both)") @AllowedValues(in = ProjectQueryController.class, field = "ROLES") @RequestParam(required = false) List<String> role,
            @Parameter(description = "domains, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = CooperationDomain.class))) @RequestParam(required = false) List<String> domain,
            @Parameter(description = "statuses, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = ProjectStatus.class))) @RequestParam(required = false) List<String> status,
            @Parameter(description = "the signing occasion (签约活动), exactly") @RequestParam(required = false) String occasion,
            @Parameter(description = "signed on or after", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "signed on or before", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        String group = QueryParameters.choice("groupBy", groupBy, StatsReadModel.PROJECT_GROUPS, null);
        Filters filters = ProjectQueryController.filters(party, role, domain, status, occasion, from, to);
        return cache.get(Arrays.asList("stats/projects", group, filters), () -> stats.projects(group, filters));
    }

    @GetMapping("/api/stats/programmes")
    @Operation(summary = "Programme items planned, added later, completed, withdrawn and open, by programme, "
            + "category or responsible party",
            description = "Figures weigh each item record by its itemCount. completionRate = completed / "
                    + "(planned + addedLater - withdrawn).")
    public ProgrammeStats programmes(
            @Parameter(description = "programme, category or responsible") @AllowedValues(in = StatsReadModel.class, field = "PROGRAMME_GROUPS") @RequestParam String groupBy,
            @Parameter(description = "items this party is responsible for") @RequestParam(required = false) String party,
            @RequestParam(required = false) String programme, @RequestParam(required = false) String category,
            @Parameter(description = "item statuses, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = ServiceItemStatus.class))) @RequestParam(required = false) List<String> status,
            @Parameter(description = "listed on or after", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "listed on or before", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        String group = QueryParameters.choice("groupBy", groupBy, StatsReadModel.PROGRAMME_GROUPS, null);
        LocalDate fromDate = QueryParameters.date("from", from);
        LocalDate toDate = QueryParameters.date("to", to);
        QueryParameters.range(fromDate, toDate);
        Filters filters = new Filters(QueryParameters.code("party", party), null, null, null,
                QueryParameters.vocabularyCodes("status", status, ServiceItemStatus.class), null, fromDate, toDate, QueryParameters.code("programme", programme),
                QueryParameters.text("category", category));
        return cache.get(Arrays.asList("stats/programmes", group, filters), () -> stats.programmes(group, filters));
    }

    @GetMapping("/api/stats/agreements")
    @Operation(summary = "Agreements and their cooperation-list progress by domain, kind, status, occasion, party, "
            + "month or year",
            description = "completionRate = completed / (items - dropped). An agreement with two domains counts for "
                    + "each domain; total counts it once.")
    public AgreementStats agreements(
            @Parameter(description = "domain, kind, status, occasion, party, month or year") @AllowedValues(in = StatsReadModel.class, field = "AGREEMENT_GROUPS") @RequestParam String groupBy,
            @Parameter(description = "a party code: agreements it signs or observes") @RequestParam(required = false) String party,
            @Parameter(description = "domains, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = CooperationDomain.class))) @RequestParam(required = false) List<String> domain,
            @Parameter(description = "agreement kinds, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = AgreementKind.class))) @RequestParam(required = false) List<String> kind,
            @Parameter(description = "statuses, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = AgreementStatus.class))) @RequestParam(required = false) List<String> status,
            @Parameter(description = "the signing occasion (签约活动), exactly") @RequestParam(required = false) String occasion,
            @Parameter(description = "signed on or after", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "signed on or before", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        String group = QueryParameters.choice("groupBy", groupBy, StatsReadModel.AGREEMENT_GROUPS, null);
        Filters filters = AgreementQueryController.filters(party, domain, kind, status, occasion, from, to);
        return cache.get(Arrays.asList("stats/agreements", group, filters), () -> stats.agreements(group, filters));
    }
}
