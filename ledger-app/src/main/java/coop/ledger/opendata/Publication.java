package coop.ledger.opendata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Who publishes the package and under which names: the publisher's name, the base URI the package is served from,
 * the prefix of every project identifier (OC4IDS asks for a registered project identifier prefix; a publisher that
 * has one sets it here), and the licence of the data, if the publisher has chosen one.
 */
record Publication(String publisherName, String baseUri, String projectIdPrefix, String license) {

    /** The package's own URI: where it is served, with the instant when it is the package as recorded then. */
    String packageUri(Instant askedRecordedAt) {
        String uri = baseUri.replaceAll("/+$", "") + OpenDataController.PATH;
        return askedRecordedAt == null ? uri
                : uri + "?recordedAt=" + URLEncoder.encode(askedRecordedAt.toString(), StandardCharsets.UTF_8);
    }
}
