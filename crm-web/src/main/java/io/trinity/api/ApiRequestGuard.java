package io.trinity.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must be before any controller or query sees it:
 * <ul>
 * <li>no NUL or other control character in a parameter (PostgreSQL cannot store NUL in text, so it would surface as
 * a server error deep in a query): 400 naming the parameter;</li>
 * <li>a URL of at most {@value #MAX_URL} characters: 414;</li>
 * <li>on the API, a body only in a documented media type — JSON, and CSV or a multipart upload where the endpoint
 * takes a file: 415 otherwise (YAML, XML and the like are not part of the API, whatever the server could parse).</li>
 * </ul>
 * API failures are problem documents; console failures go to the friendly error pages.
 */
public class ApiRequestGuard extends OncePerRequestFilter {

    static final int MAX_URL = 8192;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) > MAX_URL) {
            refuse(response, api, 414, "URI Too Long", "The URL is longer than " + MAX_URL + " characters.", null);
            return;
        }
        String bad = parameterWithControlCharacters(request);
        if (bad != null) {
            refuse(response, api, 400, "Bad Request", "Parameter '" + bad + "' contains a NUL or another control"
                    + " character.", bad);
            return;
        }
        if (api && BODY_METHODS.contains(request.getMethod()) && hasBody(request)) {
            String type = request.getContentType();
            if (type == null || !documented(path, type)) {
                refuse(response, true, 415, "Unsupported Media Type", "Content-Type " + (type == null ? "(none)"
                        : "'" + shorten(type) + "'") + " is not accepted here; send application/json"
                        + (path.startsWith("/api/v1/imports/") ? " or text/csv or multipart/form-data" : "") + ".",
                        null);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() != 0 || request.getHeader("Transfer-Encoding") != null;
    }

    static boolean documented(String path, String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return false;
        }
        String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (base.equals("application/json") || base.equals("application/merge-patch+json")) {
            return true;
        }
        return path.startsWith("/api/v1/imports/") && (CSV_TYPES.contains(base) || base.equals("multipart/form-data"));
    }

    private static String parameterWithControlCharacters(HttpServletRequest request) {
        Enumeration<String> names;
        try {
            names = request.getParameterNames();
        } catch (RuntimeException e) {
            return null; // an unreadable body is the controller's to refuse
        }
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (control(name, false)) {
                return "(name)";
            }
            String[] values = request.getParameterValues(name);
            if (values != null) {
                for (String value : values) {
                    if (control(value, true)) {
                        return shorten(name);
                    }
                }
            }
        }
        return null;
    }

    /** True for NUL and other C0 controls; tabs and line breaks are fine in multi-line form fields. */
    private static boolean control(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, boolean api, int status, String title, String detail,
            String field) throws IOException {
        if (!api) {
            response.sendError(status);
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String errors = field == null ? "[]" : "[{\"field\":\"" + json(field) + "\",\"message\":\"contains a NUL or"
                + " another control character\"}]";
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\",\"errors\":" + errors + "}");
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
