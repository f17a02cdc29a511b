package io.trinity.service;

import io.trinity.cases.ServiceCases;
import io.trinity.listening.Inbox;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
import io.trinity.moments.MomentRules;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Service cases: the queue, one case with its notes, opening a case by hand; and the moments rules. */
@Controller
class ServiceConsoleController {

    private final ServiceCases cases;
    private final Inbox inbox;

    ServiceConsoleController(ServiceCases cases, Inbox inbox) {
        this.cases = cases;
        this.inbox = inbox;
    }

    @GetMapping("/service/cases")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String after, Model model) {
        try {
            model.addAttribute("page", cases.list(status, assignee, 30, after));
        } catch (InvalidInputException e) {
            model.addAttribute("page", new Page<>(List.of(), null));
            model.addAttribute("problem", e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        model.addAttribute("status", status);
        model.addAttribute("assignee", assignee);
        model.addAttribute("colleagues", inbox.colleagues());
        return "service/cases";
    }

    @GetMapping("/service/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("serviceCase", cases.get(id));
        model.addAttribute("colleagues", inbox.colleagues());
        return "service/case";
    }

    @PostMapping("/service/cases")
    String open(@RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String priority,
            @RequestParam(required = false) @Nullable String note, Principal principal,
            RedirectAttributes redirect) {
        try {
            var opened = cases.open(customerId, null, subject, priority, principal.getName(), note,
                    principal.getName());
            redirect.addFlashAttribute("message", "Opened case #" + opened.id() + ".");
            return "redirect:/service/cases/" + opened.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "The case was not opened: " + e.errors().stream()
                    .map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            return customerId == null ? "redirect:/service/cases" : "redirect:/customers/" + customerId + "#cases";
        }
    }

    @PostMapping("/service/cases/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String note, Principal principal,
            RedirectAttributes redirect) {
        try {
            cases.update(id, status, assignee, note, principal.getName());
            redirect.addFlashAttribute("message", "Case updated.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        return "redirect:/service/cases/" + id;
    }

    @GetMapping("/service/moments")
    String moments(Model model) {
        model.addAttribute("rules", MomentRules.DEFAULT);
        return "service/moments";
    }
}
