package io.trinity.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an outage of the database apart from everything else, so that it is answered as what it is — 503, try
 * again shortly — and never as bad credentials or a bug.
 */
public final class Unavailability {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private Unavailability() {
    }

    /** True when {@code e} or one of its causes says the database (or another backing service) is unreachable. */
    public static boolean isInfrastructure(Throwable e) {
        if (e instanceof org.springframework.transaction.TransactionSystemException tx
                && tx.getApplicationException() != null && isInfrastructure(tx.getApplicationException())) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The pool's own word for a connection the server dropped (a rollback after the database went away).
            if (t instanceof java.sql.SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                            || sql.getSQLState().equals("57P03")))) {
                return true;
            }
        }
        return false;
    }

    /** Writes the API's 503 problem with {@code Retry-After}. */
    public static void problem(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"" + DETAIL + "\"}");
    }

    public static final String DETAIL =
            "Trinity cannot reach its database just now; nothing was changed. Try again in a few seconds.";
}
