package io.trinity.staff.web;

import io.trinity.api.FormErrors;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.staff.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin console: the staff list and a form to add an account, with errors shown next to the fields. */
@Controller
class UserConsoleController {

    private final StaffAdministration administration;

    UserConsoleController(StaffAdministration administration) {
        this.administration = administration;
    }

    /** The form to add an account; what was typed (but the password) comes back after an error. */
    record UserForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
            @Nullable List<String> roles) {

        static final UserForm EMPTY = new UserForm(null, null, null, List.of());
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
    String create(@ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            administration.create(form.username(), form.password(), form.displayName(), form.roles());
            redirect.addFlashAttribute("created", form.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e.errors());
        } catch (ConflictException e) {
            FormErrors.reject(result, List.of(new FieldError(e.field(), e.getMessage())));
        }
        return list(model);
    }
}
