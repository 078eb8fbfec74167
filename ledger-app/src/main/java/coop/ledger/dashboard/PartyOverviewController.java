package coop.ledger.dashboard;

import coop.ledger.processing.QueryCache;
import coop.ledger.shared.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/** What one party takes part in across agreements, projects and programmes: a cross-concept view. */
@RestController
@Tag(name = "Queries")
class PartyOverviewController {

    private final PartyOverviewReadModel overviews;
    private final QueryCache cache;

    PartyOverviewController(PartyOverviewReadModel overviews, QueryCache cache) {
        this.overviews = overviews;
        this.cache = cache;
    }

    @GetMapping("/api/parties/{code}/overview")
    @Operation(summary = "What a party signs, observes, hosts, invests in and is responsible for, with totals",
            description = "Each list shows the newest 100 records; the totals count all of them.")
    public PartyOverviewReadModel.Overview overview(@PathVariable String code) {
        return cache.get(Arrays.asList("overview", code), () -> overviews.overview(code))
                .orElseThrow(() -> new RecordNotFoundException("party", code));
    }
}
