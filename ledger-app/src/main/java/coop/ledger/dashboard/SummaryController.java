package coop.ledger.dashboard;

import coop.ledger.shared.query.AllowedValues;
import coop.ledger.shared.query.QueryParameters;
import coop.ledger.processing.QueryCache;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The headline figures of the whole ledger. */
@RestController
@Tag(name = "Statistics")
class SummaryController {

    /** The breakdowns the summary takes ({@code period}); documented from this list too. */
    static final List<String> PERIODS = List.of("year", "month");

    private final SummaryReadModel summary;
    private final QueryCache cache;

    public SummaryController(SummaryReadModel summary, QueryCache cache) {
        this.cache = cache;
        this.summary = summary;
    }

    @GetMapping("/api/summary")
    @Operation(summary = "Headline figures: parties, agreements in force, list items, projects, investment, "
            + "programme items, payments, and how current the projections are",
            description = "from/to bound agreements and projects by signing date and programme items by listing "
                    + "date. period=year|month adds a breakdown by period. lastEventPosition is the global position "
                    + "of the newest event the projections applied.")
    public SummaryReadModel.Summary summary(
            @Parameter(description = "yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(description = "yyyy-MM-dd", schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @Parameter(description = "a breakdown by year or month") @AllowedValues(in = SummaryController.class, field = "PERIODS") @RequestParam(required = false) String period) {
        LocalDate fromDate = QueryParameters.date("from", from);
        LocalDate toDate = QueryParameters.date("to", to);
        QueryParameters.range(fromDate, toDate);
        String p = period == null || period.isBlank() ? null
                : QueryParameters.choice("period", period, PERIODS, null);
        return cache.get(Arrays.asList("summary", fromDate, toDate, p), () -> summary.summary(fromDate, toDate, p));
    }
}
