package io.trinity.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which section of the console a page belongs to, so the navigation can mark it (also on an error page, from the
 * path that failed); and what the language menu needs.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return sectionOf(failed instanceof String uri ? uri : request.getRequestURI());
    }

    /** The page as it was asked for (path and query), where the language menu comes back to. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed instanceof String uri) {
            return uri;
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ModelAttribute("languages")
    java.util.List<java.util.Locale> languages() {
        return ConsoleLanguages.SHIPPED;
    }

    static String sectionOf(String path) {
        String[] parts = path.split("/");
        String first = parts.length > 1 ? parts[1] : "";
        if (first.equals("admin") && parts.length > 2) {
            return switch (parts[2]) {
                case "connections" -> "connections";
                case "imports" -> "imports";
                default -> "admin";
            };
        }
        return switch (first) {
            case "marketing", "pr", "service", "loyalty", "duplicates", "scoring", "customers" -> first;
            case "merges" -> "duplicates";
            default -> "";
        };
    }
}
