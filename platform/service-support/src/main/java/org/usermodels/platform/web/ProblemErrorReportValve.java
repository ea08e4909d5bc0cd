package org.usermodels.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to what it refuses before any filter runs (an unparsable request line, a malformed header,
 * a URL its decoder rejects) as a problem, where its own error report is an HTML page. It generates the request
 * id, since the request never reached {@link RequestIdFilter}. Every answer Spring wrote itself is left alone:
 * a body written already, or an error reported already, is never touched.
 *
 * <p>Behind the gateway these requests rarely arrive (the gateway refuses them first, docs/api-robustness.md);
 * this valve is for a caller on the cluster's network, and for the services' own tests.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper json = JsonMapper.builder().build();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        var requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put(
                "detail",
                status < 500
                        ? "The request could not be read as HTTP: its request line, a header or its URL is malformed."
                        : "The server failed to answer this request. Quote the request id when you report it.");
        problem.put(RequestIds.KEY, requestId);
        try {
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to tell
        }
    }
}
