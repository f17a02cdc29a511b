package io.trinity.console;

import io.trinity.api.Unavailability;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last stop for errors no controller answered (no such path, a refused request, a failure in a filter): API
 * paths get a problem document like every other API error, console paths a friendly page that keeps the look of
 * the console. Replaces Boot's default error controller and its JSON shape.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Set<Integer> PAGES = Set.of(400, 403, 404, 500, 503);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && thrown instanceof Throwable t && Unavailability.isInfrastructure(t)) {
            status = 503;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s.substring(Math.min(s.length(), request.getContextPath().length()))
                : "";
        if (status == 503) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(Unavailability.RETRY_AFTER_SECONDS));
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(resolved == null
                    ? HttpStatus.INTERNAL_SERVER_ERROR : resolved, detail(status));
            problem.setProperty("errors", List.of());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error/" + (PAGES.contains(status) ? status : status >= 500 ? 500 : 400));
        page.setStatus(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved);
        return page;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 401 -> "Sign in with HTTP Basic credentials.";
            case 403 -> "Your role may not call this endpoint.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not supported here.";
            case 413 -> "The request is larger than this server accepts.";
            case 414 -> "The URL is longer than this server accepts.";
            case 503 -> Unavailability.DETAIL;
            default -> status >= 500 ? "Something went wrong on our side; it has been logged."
                    : "The request could not be handled.";
        };
    }
}
