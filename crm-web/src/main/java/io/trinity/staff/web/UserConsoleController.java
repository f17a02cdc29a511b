package io.trinity.staff.web;

import io.trinity.api.FormErrors;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.staff.Role;
import io.trinity.staff.StaffAccount;
import io.trinity.staff.StaffAudit;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin console: the staff list, a form to add an account, and one account's page to edit its name and roles,
 * deactivate or reactivate it, hand out a temporary password, and read its audit. Errors show next to the fields.
 */
@Controller
class UserConsoleController {

    private final StaffAdministration administration;
    private final StaffAudit audit;

    UserConsoleController(StaffAdministration administration, StaffAudit audit) {
        this.administration = administration;
        this.audit = audit;
    }

    /** The form to add an account; what was typed (but the password) comes back after an error. */
    record UserForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
            @Nullable List<String> roles) {

        static final UserForm EMPTY = new UserForm(null, null, null, List.of());
    }

    /** The form to edit an account: its name and roles. */
    record EditForm(@Nullable String displayName, @Nullable List<String> roles) {

        static EditForm of(StaffAccount account) {
            return new EditForm(account.displayName(), account.roles().stream().map(Role::name).toList());
        }
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", administration.list());
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", UserForm.EMPTY);
        }
        return "users/list";
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("userForm") UserForm form, BindingResult result, Model model, Principal principal,
            RedirectAttributes redirect) {
        try {
            administration.create(form.username(), form.password(), form.displayName(), form.roles(),
                    principal.getName());
            redirect.addFlashAttribute("created", form.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e.errors());
        } catch (ConflictException e) {
            FormErrors.reject(result, List.of(new FieldError(e.field(), e.getMessage())));
        }
        return list(model);
    }

    @GetMapping("/admin/users/{username}")
    String detail(@PathVariable String username, Model model) {
        StaffAccount account = administration.get(username);
        model.addAttribute("account", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("audit", audit.recent(username, 20));
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", EditForm.of(account));
        }
        return "users/detail";
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @ModelAttribute("editForm") EditForm form, BindingResult result,
            Model model, Principal principal, RedirectAttributes redirect) {
        try {
            administration.update(username, form.displayName(), form.roles(), principal.getName());
            redirect.addFlashAttribute("message", "Saved " + username + ".");
            return "redirect:/admin/users/" + username;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e.errors());
        }
        return detail(username, model);
    }

    @PostMapping("/admin/users/{username}/active")
    String active(@PathVariable String username, @RequestParam boolean active, Principal principal,
            RedirectAttributes redirect) {
        try {
            administration.setActive(username, active, principal.getName());
            redirect.addFlashAttribute("message", active ? username + " can sign in again."
                    : username + " is deactivated and can no longer sign in.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
        }
        return "redirect:/admin/users/" + username;
    }

    /** Hands out a temporary password, shown once on the page that follows. */
    @PostMapping("/admin/users/{username}/password-reset")
    String reset(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", administration.resetPassword(username, principal.getName()));
        return "redirect:/admin/users/" + username;
    }
}
