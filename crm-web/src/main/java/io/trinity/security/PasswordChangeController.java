package io.trinity.security;

import io.trinity.staff.StaffAccounts;
import io.trinity.staff.StaffAudit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Choosing a new password, with the current one. It is where an account with a default password lands after
 * signing in (its sign-in is refused everywhere else until then), and any signed-in user may use it. The current
 * password is checked through the same throttle as a sign-in, so this form is no way around it.
 */
@Controller
@ConditionalOnWebApplication
class PasswordChangeController {

    static final String USERNAME = PasswordChangeController.class.getName() + ".username";
    static final int MIN_PASSWORD = 10;

    private final AuthenticationProvider passwords;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final StaffAudit audit;

    PasswordChangeController(AuthenticationProvider passwords, StaffAccounts accounts, PasswordEncoder encoder,
            StaffAudit audit) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** What the form sends. */
    record PasswordForm(@NotBlank(message = "Give your username.") String username,
            @NotBlank(message = "Give your current password.") String currentPassword,
            @NotBlank(message = "Choose a new password.") @Size(min = MIN_PASSWORD, max = 200,
                    message = "Use at least " + MIN_PASSWORD + " characters.") String newPassword,
            String repeatPassword) {
    }

    @GetMapping("/account/password")
    String form(HttpSession session, @Nullable Principal principal, Model model) {
        Object pending = session.getAttribute(USERNAME);
        String username = principal != null ? principal.getName() : pending instanceof String s ? s : "";
        model.addAttribute("form", new PasswordForm(username, "", "", ""));
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
            HttpServletRequest request, Model model) {
        if (!result.hasFieldErrors("newPassword") && form.newPassword() != null) {
            if (!form.newPassword().equals(form.repeatPassword())) {
                result.rejectValue("repeatPassword", "password.repeat.differs", "The two new passwords differ.");
            } else if (form.newPassword().equals(form.currentPassword())) {
                result.rejectValue("newPassword", "password.new.same", "Choose a password other than the current one.");
            } else if (form.newPassword().strip().equalsIgnoreCase("demo")) {
                result.rejectValue("newPassword", "password.new.default", "Choose a password of your own.");
            }
        }
        if (result.hasErrors()) {
            return "account/password";
        }
        String username = form.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!currentPasswordIsRight(username, form.currentPassword(), request)) {
            result.rejectValue("currentPassword", "password.current.wrong", "Wrong username or current password.");
            return "account/password";
        }
        accounts.changePassword(username, encoder.encode(form.newPassword()));
        audit.record(StaffAudit.Event.PASSWORD_CHANGED, username, username, request.getRemoteAddr(), "console");
        request.getSession().removeAttribute(USERNAME);
        return "redirect:/login?changed";
    }

    private boolean currentPasswordIsRight(String username, String password, HttpServletRequest request) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        try {
            passwords.authenticate(attempt);
            return true;
        } catch (CredentialsExpiredException e) {
            return true; // the right password of an account that must change it: exactly this page's job
        } catch (AuthenticationException e) {
            return false;
        }
    }
}
