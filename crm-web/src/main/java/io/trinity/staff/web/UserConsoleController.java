package io.trinity.staff.web;

import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.staff.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin console: the staff list and a form to add an account, with errors shown next to the fields. */
@Controller
class UserConsoleController {

    private final StaffAdministration administration;

    UserConsoleController(StaffAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", administration.list());
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "users/list";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) @Nullable String username,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String displayName,
            @RequestParam(required = false) @Nullable List<String> roles, Model model, RedirectAttributes redirect) {
        try {
            administration.create(username, password, displayName, roles);
            redirect.addFlashAttribute("created", username);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return again(model, username, displayName, roles, e.errors());
        } catch (ConflictException e) {
            return again(model, username, displayName, roles, List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    private String again(Model model, @Nullable String username, @Nullable String displayName,
            @Nullable List<String> roles, List<FieldError> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        model.addAttribute("errors", byField);
        model.addAttribute("form", new Form(username, displayName, roles == null ? List.of() : roles));
        return list(model);
    }

    record Form(@Nullable String username, @Nullable String displayName, List<String> roles) {
    }
}
