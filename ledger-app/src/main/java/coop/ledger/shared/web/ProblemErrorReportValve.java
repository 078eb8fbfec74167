package coop.ledger.shared.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before they reach the application (an encoded slash or a NUL in the path, a
 * malformed request line) and would answer with its own HTML page. This valve answers them as problem+json, like
 * every other refusal of the ledger ({@link Refusals#refusedByContainer}), without echoing the request or naming the
 * server. It runs in Tomcat, outside Spring, so it writes the answer itself; Tomcat creates it by class name, so
 * it is public.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // No instance: the path may be what was refused, and is not echoed.
        String body = ProblemJson.of(Refusals.refusedByContainer(status), null);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
