package io.trinity.console;

import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.api.Unavailability;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Friendly pages for console failures; the API has its own problem responses. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** The database cannot be reached: say so, ask to retry, and never call it a bug. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    String unavailable(Exception e, HttpServletResponse response) throws Exception {
        if (!Unavailability.isInfrastructure(e)) {
            throw e; // a real fault: Boot's error page and the ERROR log
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(Unavailability.RETRY_AFTER_SECONDS));
        return "error/503";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest() {
        return "error/400";
    }
}
