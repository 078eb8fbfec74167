package coop.ledger.programme;

import coop.ledger.shared.query.AllowedValues;
import coop.ledger.shared.query.QueryParameters;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.processing.QueryCache;
import coop.ledger.shared.sheet.SheetFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;

/** The list of public-service programmes, from the dashboard projection. */
@RestController
@Tag(name = "Queries")
class ProgrammeQueryController {

    private final ProgrammeReadModel programmes;
    private final QueryCache cache;

    public ProgrammeQueryController(ProgrammeReadModel programmes, QueryCache cache) {
        this.cache = cache;
        this.programmes = programmes;
    }

    @GetMapping("/api/programmes")
    @Operation(summary = "List public-service programmes (公共服务/政务服务事项) with planned and completed items",
            description = "Sort fields: declaredOn, name, id, planned, completed, updated. Default declaredOn,desc. "
                    + "Item figures are weighted by how many items each record stands for.")
    public Page<ProgrammeItem> list(
            @Parameter(description = "a party code: programmes it takes part in or has items of") @RequestParam(required = false) String party,
            @Parameter(description = "declared on or after, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "declared on or before, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = "field or field,asc or field,desc; default declaredOn,desc") @AllowedValues(in = ProgrammeReadModel.class, field = "SORTS", sort = true) @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        LocalDate fromDate = QueryParameters.date("from", from);
        LocalDate toDate = QueryParameters.date("to", to);
        QueryParameters.range(fromDate, toDate);
        Filters filters = new Filters(QueryParameters.code("party", party), null, null, null, null, null,
                fromDate, toDate, null, null);
        PageRequest request = QueryParameters.page(page, size, sort, ProgrammeReadModel.SORTS, "declaredOn,desc",
                SheetFormat.isFile(format));
        return cache.get(Arrays.asList("programmes", filters, request), () -> programmes.list(filters, request));
    }
}
