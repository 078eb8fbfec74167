package coop.ledger.party;

import coop.ledger.shared.query.QueryParameters;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.dashboard.PartyOverviewReadModel;
import coop.ledger.shared.query.QueryCache;
import coop.ledger.shared.query.Views;
import coop.ledger.party.api.PartyKind;
import coop.ledger.shared.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/** The list of parties and what each takes part in, from the dashboard projection. */
@RestController
@Tag(name = "Queries")
public class PartyQueryController {

    private final PartyReadModel parties;
    private final QueryCache cache;
    private final PartyOverviewReadModel overviews;

    public PartyQueryController(PartyReadModel parties, PartyOverviewReadModel overviews, QueryCache cache) {
        this.cache = cache;
        this.parties = parties;
        this.overviews = overviews;
    }

    @GetMapping("/api/parties")
    @Operation(summary = "List parties (参与方), filtered, sorted and paged",
            description = "Sort fields: code, name, kind, establishedOn, updated. Default code,asc.")
    public Page<Views.PartyItem> list(
            @Parameter(description = "party kind, e.g. GOVERNMENT or 部门") @RequestParam(required = false) String kind,
            @Parameter(description = "a government's code: its departments") @RequestParam(required = false) String parent,
            @Parameter(description = "field,asc|desc") @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PartyKind k = QueryParameters.vocabulary("kind", kind, PartyKind.class);
        Filters filters = new Filters(QueryParameters.code("parent", parent), null, null,
                k == null ? null : k.name(), null, null, null, null, null, null);
        PageRequest request = QueryParameters.page(page, size, sort, PartyReadModel.SORTS, "code,asc");
        return cache.get(Arrays.asList("parties", filters, request), () -> parties.list(filters, request));
    }

    @GetMapping("/api/parties/{code}/overview")
    @Operation(summary = "What a party signs, observes, hosts, invests in and is responsible for, with totals",
            description = "Each list shows the newest 100 records; the totals count all of them.")
    public PartyOverviewReadModel.Overview overview(@PathVariable String code) {
        return cache.get(Arrays.asList("overview", code), () -> overviews.overview(code)).orElseThrow(() -> new RecordNotFoundException("party", code));
    }
}
