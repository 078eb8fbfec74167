package coop.ledger.project;

import coop.ledger.shared.query.AllowedValues;
import coop.ledger.shared.query.QueryParameters;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.processing.QueryCache;
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

/** The list of signed projects, from the dashboard projection. */
@RestController
@Tag(name = "Queries")
public class ProjectQueryController {

    public static final List<String> ROLES = List.of("HOST", "INVESTOR");

    private final ProjectReadModel projects;
    private final QueryCache cache;

    public ProjectQueryController(ProjectReadModel projects, QueryCache cache) {
        this.cache = cache;
        this.projects = projects;
    }

    @GetMapping("/api/projects")
    @Operation(summary = "List signed projects (签约项目), filtered, sorted and paged",
            description = "Sort fields: signedOn, name, id, status, agreedInvestment, actualInvestment, projectCount, "
                    + "updated (projects without an agreed investment sort last). Default signedOn,desc.")
    public Page<ProjectItem> list(
            @Parameter(description = "a party code: projects it hosts or invests in") @RequestParam(required = false) String party,
            @Parameter(description = "narrows party: HOST or INVESTOR (or both)") @AllowedValues(in = ProjectQueryController.class, field = "ROLES") @RequestParam(required = false) List<String> role,
            @Parameter(description = "domains (code, 中文 or English label), comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = CooperationDomain.class))) @RequestParam(required = false) List<String> domain,
            @Parameter(description = "statuses, comma-separated or repeated: any of them (COMPLETED is still accepted for IN_OPERATION)", array = @ArraySchema(schema = @Schema(implementation = ProjectStatus.class))) @RequestParam(required = false) List<String> status,
            @Parameter(description = "the signing occasion (签约活动), exactly") @RequestParam(required = false) String occasion,
            @Parameter(description = "signed on or after, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "signed on or before, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = "field or field,asc or field,desc; default signedOn,desc") @AllowedValues(in = ProjectReadModel.class, field = "SORTS", sort = true) @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        Filters filters = filters(party, role, domain, status, occasion, from, to);
        PageRequest request = QueryParameters.page(page, size, sort, ProjectReadModel.SORTS, "signedOn,desc",
                SheetFormat.isFile(format));
        return cache.get(Arrays.asList("projects", filters, request), () -> projects.list(filters, request));
    }

    /** The project filters; {@code role}, {@code domain} and {@code status} each take several values. */
    public static Filters filters(String party, List<String> role, List<String> domain, List<String> status,
                                  String occasion, String from, String to) {
        // Before the dashboards used the core's vocabulary they called IN_OPERATION "COMPLETED"; links keep working.
        List<String> given = QueryParameters.values(status).stream()
                .map(s -> s.equalsIgnoreCase("COMPLETED") ? "IN_OPERATION" : s).toList();
        LocalDate fromDate = QueryParameters.date("from", from);
        LocalDate toDate = QueryParameters.date("to", to);
        QueryParameters.range(fromDate, toDate);
        List<String> roles = QueryParameters.values(role).stream()
                .map(r -> QueryParameters.choice("role", r.toUpperCase(), ROLES, null)).distinct().sorted().toList();
        return new Filters(QueryParameters.code("party", party), roles,
                QueryParameters.vocabularyCodes("domain", domain, CooperationDomain.class), null,
                QueryParameters.vocabularyCodes("status", given, ProjectStatus.class), QueryParameters.text("occasion", occasion), fromDate, toDate, null, null);
    }
}
