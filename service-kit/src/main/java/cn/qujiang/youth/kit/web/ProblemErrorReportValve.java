package cn.qujiang.youth.kit.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error report, for what it refuses before any filter or servlet runs (a path that is not valid
 * UTF-8, headers it cannot parse): a problem instead of its HTML page with the server's version. Replaces the
 * host's {@link ErrorReportValve}; Tomcat reports nothing more than the status, and neither does this.
 */
final class ProblemErrorReportValve extends ErrorReportValve {
    private final Problems problems;

    ProblemErrorReportValve(Problems problems) {
        this.problems = problems;
    }

    /** Puts this valve in the place of the host's default error report (called before the host serves). */
    static void install(Host host, Problems problems) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemErrorReportValve(problems));
        if (host instanceof StandardHost standard) {
            // found by class name on a restart, so Tomcat does not add its default one again
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String traceparent = CorrelationIdFilter.traceparent(request.getHeader(CorrelationIdFilter.HEADER));
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        ProblemDetail problem = problems.of(code, Problems.codeFor(code), CallerLocale.of(request), "resource");
        problem.setInstance(Problems.instance(request.getRequestURI()));
        problem.setProperty("traceId", CorrelationIdFilter.traceId(traceparent));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(CorrelationIdFilter.HEADER, traceparent);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already on its way: nothing more can be said
        }
    }
}
