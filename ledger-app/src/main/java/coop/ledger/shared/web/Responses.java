package coop.ledger.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** How accepted writes are answered: the result body, its version as ETag, and Location for new records. */
public final class Responses {

    private Responses() {
    }

    public static ResponseEntity<WriteResult> created(String location, WriteResult result) {
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create(location))
                .eTag(eTag(result.version()))
                .body(result);
    }

    public static ResponseEntity<WriteResult> updated(WriteResult result) {
        return ResponseEntity.ok().eTag(eTag(result.version())).body(result);
    }

    public static String eTag(long version) {
        return "\"" + version + "\"";
    }
}
