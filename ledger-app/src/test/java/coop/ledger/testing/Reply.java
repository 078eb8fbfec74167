package coop.ledger.testing;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.List;

/** An HTTP answer: status, headers, the body as text and as parsed JSON (a missing node when it is not JSON). */
public record Reply(int status, HttpHeaders headers, String text, JsonNode json) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String eTag() {
        return header("ETag");
    }

    public long version() {
        return json.path("version").asLong();
    }

    public String id() {
        return json.path("id").asString();
    }

    /** The rule a problem names, e.g. {@code agreement.closed}. */
    public String rule() {
        return json.path("rule").asString(null);
    }

    /** The fields or headers a 400/422 problem names in its {@code errors}. */
    public List<String> errorFields() {
        return json.path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
