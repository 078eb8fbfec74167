package coop.ledger.shared.security;

import coop.ledger.shared.web.InvalidUtf8Exception;
import coop.ledger.shared.web.ProblemJson;
import coop.ledger.shared.web.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query string that is not UTF-8 once its percent escapes are decoded (or whose escapes are broken) with
 * the usual 400 problem+json, before anything reads a parameter: Tomcat would otherwise fail on the first parameter
 * a handler asks for, and its failure is no refusal the ledger can name.
 */
class QueryStringCheck extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null) {
            try {
                check(query);
            } catch (InvalidUtf8Exception notUtf8) {
                ProblemJson.write(request, response, Refusals.classify(notUtf8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static void check(String query) throws InvalidUtf8Exception {
        Utf8Validator utf8 = new Utf8Validator();
        int at = 0;
        try {
            for (; at < query.length(); at++) {
                char c = query.charAt(at);
                if (c == '%') {
                    int high = at + 2 < query.length() ? Character.digit(query.charAt(at + 1), 16) : -1;
                    int low = high >= 0 ? Character.digit(query.charAt(at + 2), 16) : -1;
                    if (low < 0) {
                        throw InvalidUtf8Exception.inQuery("the % at character " + at
                                + " is not followed by two hexadecimal digits");
                    }
                    utf8.accept(high * 16 + low);
                    at += 2;
                } else if (c < 0x80) {
                    utf8.accept(c);
                } else {
                    byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    utf8.accept(bytes, 0, bytes.length);
                }
            }
            utf8.end();
        } catch (InvalidUtf8Exception notUtf8) {
            throw "query".equals(notUtf8.part()) ? notUtf8
                    : InvalidUtf8Exception.inQuery("at character " + Math.min(at, query.length()));
        }
    }
}
