package fr.labos.partenariats.platform.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's error report, in place of its HTML page: what Tomcat refuses before any servlet runs (a raw {@code é} or
 * {@code %00} in the address, a request line or headers over the limit) is answered with a problem document.
 */
class ProblemReportValve extends ErrorReportValve {

    private final Problems problems;

    ProblemReportValve(Problems problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemTypes type = status == 400 ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.forStatus(status);
        String detailCode = status == 400 ? "problem.malformed-request.container" : "problem." + type.slug() + ".detail";
        ProblemDetail problem = problems.create(type, status,
                ProblemMessages.localeOf(request.getHeader("Accept-Language")), null,
                problems.messages().get(detailCode, ProblemMessages.localeOf(request.getHeader("Accept-Language"))));
        try {
            byte[] body = problems.toJson(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response takes no body any more: nothing left to tell the client.
            container.getLogger().debug("Problem report not written", e);
        }
    }
}
