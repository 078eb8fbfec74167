package coop.ledger.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import coop.ledger.shared.web.BodyTooLargeException;
import coop.ledger.shared.web.ProblemJson;
import coop.ledger.shared.web.Refusals;
import coop.ledger.shared.web.UnsupportedContentEncodingException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over the limit with 413 before they are read into memory: by Content-Length when the
 * client declares it, and by counting bytes as they arrive when it does not (chunked uploads). JSON and CSV bodies
 * are checked to be valid UTF-8 on the way through. A body sent with a {@code Content-Encoding} (gzip, ...) is refused
 * with 415: the ledger does not decode request bodies.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    /** Imports (and restores of exports) carry whole files of past records, so they have a limit of their own. */
    static final String IMPORTS = "/api/imports";
    static final String RESTORE = "/api/audit/restore";

    private final long defaultMaxBytes;
    private final long importMaxBytes;

    public RequestSizeLimit(long defaultMaxBytes, long importMaxBytes) {
        this.defaultMaxBytes = defaultMaxBytes;
        this.importMaxBytes = importMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(UnsupportedContentEncodingException.HEADER);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")
                && hasBody(request)) {
            // The container does not decode request bodies: an encoded body would be read as if it were the JSON.
            response.setHeader("Accept-Encoding", "identity");
            ProblemJson.write(request, response, Refusals.classify(new UnsupportedContentEncodingException(
                    encoding.strip())));
            return;
        }
        long maxBytes = limitOf(request);
        String limitProperty = isFileUpload(request) ? "ledger.import.max-body-size" : "ledger.http.max-body-size";
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, new BodyTooLargeException(maxBytes, limitProperty));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes, limitProperty, isText(request.getContentType())),
                    response);
        } catch (BodyTooLargeException | ServletException e) {
            BodyTooLargeException tooLarge = bodyTooLargeIn(e);
            if (tooLarge == null) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                refuse(request, response, tooLarge);
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** JSON and CSV bodies must be UTF-8; other bodies are refused by type (415) before anyone reads them. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json") || type.startsWith("text/");
    }

    private long limitOf(HttpServletRequest request) {
        return isFileUpload(request) ? importMaxBytes : defaultMaxBytes;
    }

    private static boolean isFileUpload(HttpServletRequest request) {
        return request.getRequestURI().startsWith(IMPORTS) || request.getRequestURI().equals(RESTORE);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException e)
            throws IOException {
        ProblemJson.write(request, response, Refusals.classify(e));
    }

    private static BodyTooLargeException bodyTooLargeIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final String limitProperty;
        private final boolean utf8;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, String limitProperty, boolean utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.limitProperty = limitProperty;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, limitProperty,
                        utf8 ? new Utf8Validator() : null);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final String limitProperty;
        private final Utf8Validator utf8;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes, String limitProperty, Utf8Validator utf8) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.limitProperty = limitProperty;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
                if (utf8 != null) {
                    utf8.accept(b);
                }
            } else if (utf8 != null) {
                utf8.end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                if (utf8 != null) {
                    utf8.accept(buffer, offset, n);
                }
            } else if (n < 0 && utf8 != null) {
                utf8.end();
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes, limitProperty);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
