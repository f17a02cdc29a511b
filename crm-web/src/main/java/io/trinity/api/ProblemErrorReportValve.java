package io.trinity.api;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on a request it refused before Spring saw it (an encoded slash in the path, a request line or
 * headers too large): an RFC 9457 problem instead of Tomcat's HTML page, so every error of the API has one shape.
 * Responses that already have a body (Spring's own error handling) are left as they are.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = switch (status) {
            case 400 -> "The request could not be read: its URL or headers are malformed (an encoded slash or an"
                    + " invalid character in the path, for example).";
            case 413 -> "The request is larger than this server accepts.";
            case 414 -> "The URL is longer than this server accepts.";
            case 431 -> "The request headers are larger than this server accepts.";
            case 505 -> "This HTTP version is not supported.";
            default -> "The request could not be handled.";
        };
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response could not be written: nothing more to say
            container.getLogger().debug("Could not write the error problem", e);
        }
    }
}
