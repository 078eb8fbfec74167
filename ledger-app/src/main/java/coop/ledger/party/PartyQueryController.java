package coop.ledger.party;

import coop.ledger.shared.query.AllowedValues;
import coop.ledger.shared.query.QueryParameters;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.processing.QueryCache;
import coop.ledger.shared.PartyKind;
import coop.ledger.shared.sheet.SheetFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** The list of parties, from the party slice's read model. */
@RestController
@Tag(name = "Queries")
class PartyQueryController {

    private final PartyReadModel parties;
    private final QueryCache cache;

    PartyQueryController(PartyReadModel parties, QueryCache cache) {
        this.cache = cache;
        this.parties = parties;
    }

    @GetMapping("/api/parties")
    @Operation(summary = "List parties (参与方), filtered, sorted and paged",
            description = "Sort fields: code, name, kind, establishedOn, updated. Default code,asc.")
    public Page<PartyItem> list(
            @Parameter(description = "party kinds, e.g. GOVERNMENT or 部门, comma-separated or repeated: any of them", array = @ArraySchema(schema = @Schema(implementation = PartyKind.class))) @RequestParam(required = false) List<String> kind,
            @Parameter(description = "a government's code: its departments") @RequestParam(required = false) String parent,
            @Parameter(description = "field or field,asc or field,desc; default code,asc") @AllowedValues(in = PartyReadModel.class, field = "SORTS", sort = true) @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @Parameter(description = SheetFormat.DESCRIPTION, schema = @Schema(allowableValues = {"json", "csv", "xlsx"})) @RequestParam(required = false) String format) {
        SheetFormat.check(format);
        Filters filters = new Filters(QueryParameters.code("parent", parent), null, null,
                QueryParameters.vocabularyCodes("kind", kind, PartyKind.class), null, null, null, null, null, null);
        PageRequest request = QueryParameters.page(page, size, sort, PartyReadModel.SORTS, "code,asc",
                SheetFormat.isFile(format));
        return cache.get(Arrays.asList("parties", filters, request), () -> parties.list(filters, request));
    }
}
