package coop.ledger.agreement;

import coop.ledger.shared.query.AllowedValues;
import coop.ledger.shared.query.QueryParameters;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.processing.QueryCache;
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

/** The list of agreements, from the dashboard projection. */
@RestController
@Tag(name = "Queries", description = "Lists and overviews read from the dashboard projections (not the event store)")
public class AgreementQueryController {

    private final AgreementReadModel agreements;
    private final QueryCache cache;

    public AgreementQueryController(AgreementReadModel agreements, QueryCache cache) {
        this.cache = cache;
        this.agreements = agreements;
    }

    @GetMapping("/api/agreements")
    @Operation(summary = "List agreements (合作协议), filtered, sorted and paged",
            description = "Sort fields: signedOn, title, id, status, kind, paymentsTotal, itemsCompleted, itemsTotal, "
                    + "updated. Default sort signedOn,desc; page from 0; size up to 200 (default 50).")
    public Page<AgreementItem> list(
            @Parameter(description = "a party code: agreements it signs or observes") @RequestParam(required = false) String party,
            @Parameter(description = "domains (code, 中文 or English label), comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = CooperationDomain.class))) @RequestParam(required = false) List<String> domain,
            @Parameter(description = "agreement kinds, e.g. FRAMEWORK or 框架协议, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = AgreementKind.class))) @RequestParam(required = false) List<String> kind,
            @Parameter(description = "statuses, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = AgreementStatus.class))) @RequestParam(required = false) List<String> status,
            @Parameter(description = "the signing occasion (签约活动), exactly") @RequestParam(required = false) String occasion,
            @Parameter(description = "signed on or after, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "signed on or before, yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = "field or field,asc or field,desc; default signedOn,desc") @AllowedValues(in = AgreementReadModel.class, field = "SORTS", sort = true) @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        Filters filters = filters(party, domain, kind, status, occasion, from, to);
        PageRequest request = QueryParameters.page(page, size, sort, AgreementReadModel.SORTS, "signedOn,desc",
                SheetFormat.isFile(format));
        return cache.get(Arrays.asList("agreements", filters, request), () -> agreements.list(filters, request));
    }

    /** The agreement filters; {@code domain}, {@code kind} and {@code status} each take several values. */
    public static Filters filters(String party, List<String> domain, List<String> kind, List<String> status,
                                  String occasion, String from, String to) {
        LocalDate fromDate = QueryParameters.date("from", from);
        LocalDate toDate = QueryParameters.date("to", to);
        QueryParameters.range(fromDate, toDate);
        return new Filters(QueryParameters.code("party", party), null,
                QueryParameters.vocabularyCodes("domain", domain, CooperationDomain.class),
                QueryParameters.vocabularyCodes("kind", kind, AgreementKind.class),
                QueryParameters.vocabularyCodes("status", status, AgreementStatus.class), QueryParameters.text("occasion", occasion), fromDate, toDate, null, null);
    }
}
