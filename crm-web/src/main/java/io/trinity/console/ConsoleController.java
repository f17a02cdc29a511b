package io.trinity.console;

import io.trinity.staff.StaffAccounts;
import io.trinity.api.Unavailability;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in and the page shown while the database is away (the homes are {@link HomeController}). */
@Controller
class ConsoleController {

    private final StaffAccounts accounts;

    ConsoleController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** The sign-in page warns while any account still has a default password (demo logins). */
    @GetMapping("/login")
    String login(Model model) {
        try {
            model.addAttribute("defaultPasswords", accounts.withDefaultPassword().size());
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            model.addAttribute("defaultPasswords", 0); // the page itself must still show while the database is away
        }
        return "login";
    }

    /** Where the console goes when the database cannot be reached. Needs no database itself. */
    @GetMapping("/unavailable")
    String unavailable(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(Unavailability.RETRY_AFTER_SECONDS));
        return "error/503";
    }


}
