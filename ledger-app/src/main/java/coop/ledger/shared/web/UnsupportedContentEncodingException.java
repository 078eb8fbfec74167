package coop.ledger.shared.web;

/**
 * A request body sent with a {@code Content-Encoding} the ledger does not decode (it decodes none: gzip, deflate,
 * br ... would be read as if they were the JSON itself); answered with 415.
 */
public class UnsupportedContentEncodingException extends RuntimeException {

    public static final String HEADER = "Content-Encoding";

    public UnsupportedContentEncodingException(String encoding) {
        super("the request body is sent with Content-Encoding "
                + (encoding.matches("[A-Za-z0-9 ,._-]{1,40}") ? encoding : "(not a known coding)")
                + ", which the ledger does not decode; send it unencoded (identity)");
    }
}
