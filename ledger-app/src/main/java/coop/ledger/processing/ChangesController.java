package coop.ledger.processing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live feed of projection changes, for dashboards that refresh as the ledger records. */
@RestController
@Tag(name = "Changes", description = "Server-Sent Events announcing committed projection changes")
class ChangesController {

    private final ChangeFeed feed;

    public ChangesController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Subscribe to changes (text/event-stream)",
            description = "Events: ready on subscription; change with data {recordType, recordId, eventType, position} "
                    + "after the projections committed a batch (not during a replay); heartbeat every 15 s. "
                    + "Re-read the queries you show when a change arrives.")
    public SseEmitter changes() {
        return feed.subscribe();
    }
}
