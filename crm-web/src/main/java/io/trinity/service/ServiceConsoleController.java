package io.trinity.service;

import io.trinity.cases.ServiceCases;
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
    private final io.trinity.moments.MomentQueue queue;

    private final io.trinity.loyalty.LoyaltyAccounts loyalty;

    ServiceConsoleController(ServiceCases cases, io.trinity.moments.MomentQueue queue,
            io.trinity.loyalty.LoyaltyAccounts loyalty) {
        this.loyalty = loyalty;
        this.queue = queue;
        this.cases = cases;
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
        model.addAttribute("colleagues", cases.assignees());
        return "service/cases";
    }

    /**
     * Assigns or closes the ticked cases at once, all or none, and comes back to the same filtered list.
     * {@code to} is the new assignee (blank: nobody); {@code status} and {@code assignee} are the list's filters.
     */
    @PostMapping("/service/cases/bulk")
    String bulk(@RequestParam(name = "ids", required = false) @Nullable List<Long> ids, @RequestParam String action,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String assignee, Principal principal,
            RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : ids;
        try {
            int changed = switch (action) {
                case "assign" -> cases.updateAll(chosen, null, to == null ? "" : to, null, principal.getName());
                case "close" -> cases.updateAll(chosen, "RESOLVED", null, null, principal.getName());
                default -> throw new InvalidInputException("action", "must be assign or close");
            };
            redirect.addFlashAttribute("message", action.equals("close") ? "Closed " + changed + " case(s)."
                    : (to == null || to.isBlank() ? "Unassigned " + changed + " case(s)."
                            : "Assigned " + changed + " case(s) to " + to.strip() + "."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Nothing was changed: " + e.errors().get(0).message() + ".");
        }
        redirect.addAttribute("status", status == null ? "" : status);
        redirect.addAttribute("assignee", assignee == null ? "" : assignee);
        return "redirect:/service/cases";
    }

    @GetMapping("/service/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("serviceCase", cases.get(id));
        model.addAttribute("colleagues", cases.assignees());
        return "service/case";
    }

    @PostMapping("/service/cases")
    String open(@RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String priority,
            @RequestParam(required = false) @Nullable String note, Principal principal,
            RedirectAttributes redirect) {
        try {
            var opened = cases.open(customerId, null, subject, priority, self(principal), note,
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

    /** The signed-in user as a case's assignee when they can work cases, else nobody yet. */
    private @Nullable String self(Principal principal) {
        return cases.assignees().contains(principal.getName()) ? principal.getName() : null;
    }

    static final int QUEUE_PAGE = 25;

    /** The moments queue: counts per moment, the chosen moment's customers oldest first, the rules behind them. */
    @GetMapping("/service/moments")
    String moments(@RequestParam(required = false) @Nullable String moment,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<io.trinity.moments.MomentQueue.Count> counts = queue.counts();
        String chosen = moment != null && queue.rules().contains(moment) ? moment
                : counts.stream().filter(c -> c.customers() > 0).map(io.trinity.moments.MomentQueue.Count::rule)
                        .findFirst().orElse(queue.rules().get(0));
        int at = Math.max(0, page);
        List<io.trinity.moments.MomentQueue.Item> items = queue.queue(chosen, QUEUE_PAGE + 1, at * QUEUE_PAGE);
        model.addAttribute("counts", counts);
        model.addAttribute("moment", chosen);
        model.addAttribute("items", items.subList(0, Math.min(QUEUE_PAGE, items.size())));
        model.addAttribute("page", at);
        model.addAttribute("hasNext", items.size() > QUEUE_PAGE);
        model.addAttribute("rules", MomentRules.DEFAULT);
        return "service/moments";
    }

    /**
     * Acting on a moment: open a case about it (and go there), give goodwill points, or mark it done; either way it
     * leaves the queue.
     */
    /** The most goodwill an agent gives from the queue without the loyalty team (a bigger change is theirs). */
    static final long GOODWILL_MAX = 1_000;

    private static long goodwill(@Nullable String points) {
        try {
            long n = points == null ? 0 : Long.parseLong(points.strip());
            if (n >= 1 && n <= GOODWILL_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException("points", "must be a whole number from 1 to " + GOODWILL_MAX);
    }

    @PostMapping("/service/moments/act")
    String act(@RequestParam long customerId, @RequestParam String moment, @RequestParam String action,
            @RequestParam(required = false) @Nullable String points,
            @RequestParam(defaultValue = "0") int page, Principal principal, RedirectAttributes redirect) {
        String back = "redirect:/service/moments?moment=" + java.net.URLEncoder.encode(moment,
                java.nio.charset.StandardCharsets.UTF_8) + "&page=" + Math.max(0, page);
        try {
            if (action.equals("case")) {
                var opened = cases.open(customerId, null, moment, moment.startsWith("Influencer") ? "HIGH" : "NORMAL",
                        self(principal), null, principal.getName());
                queue.acted(customerId, moment, "CASE_OPENED", opened.id(), principal.getName());
                redirect.addFlashAttribute("message", "Opened case #" + opened.id() + " for the moment \"" + moment
                        + "\".");
                return "redirect:/service/cases/" + opened.id();
            }
            if (action.equals("points")) {
                long given = goodwill(points);
                loyalty.adjust(customerId, given, "Goodwill for the moment of truth \"" + moment + "\"",
                        principal.getName());
                queue.acted(customerId, moment, "POINTS_GIVEN", null, principal.getName());
                redirect.addFlashAttribute("message", "Gave " + given + " goodwill points; the customer left the \""
                        + moment + "\" queue.");
                return back;
            }
            queue.acted(customerId, moment, "DONE", null, principal.getName());
            redirect.addFlashAttribute("message", "Marked done; the customer left the \"" + moment + "\" queue.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        return back;
    }
}
