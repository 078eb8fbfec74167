package coop.ledger.processing;

import org.springframework.http.MediaType;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The JSON bytes a cached answer was first written as, with their strong ETag: written once per answer, however
 * many requests it serves. Kept by the {@link QueryCache} entry of the answer, so it is forgotten with the answer.
 */
final class SerializedAnswer {

    /** The bytes of one JSON answer, the content type they were written with, and their strong ETag. */
    record Json(byte[] bytes, MediaType contentType, String eTag) {

        static Json of(byte[] bytes, MediaType contentType) {
            return new Json(bytes, contentType, eTag(bytes));
        }

        /**
         * A digest of the bytes: equal bytes, equal tag, across restarts and nodes, so a client that has the
         * answer gets {@code 304} even after an unrelated change made the cache compute it again.
         */
        static String eTag(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    private volatile Json json;

    /** The bytes, written by {@code write} the first time they are asked for. */
    Json json(Supplier<Json> write) {
        Json written = json;
        if (written == null) {
            synchronized (this) {
                written = json;
                if (written == null) {
                    written = write.get();
                    json = written;
                }
            }
        }
        return written;
    }
}
