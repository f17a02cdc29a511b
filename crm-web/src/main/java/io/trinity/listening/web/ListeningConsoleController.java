package io.trinity.listening.web;

import io.trinity.cases.ServiceCases;
import io.trinity.customer.CustomerFilter;
import io.trinity.customer.CustomerService;
import io.trinity.identity.IdentityStore;
import io.trinity.listening.Inbox;
import io.trinity.listening.InboxFilter;
import io.trinity.listening.InboxItem;
import io.trinity.shared.ConflictException;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
import io.trinity.listening.Influencers;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * PR's listening inbox (mentions, comments, reviews; filter, mark handled, assign, open a case, link an unknown
 * author to a customer) and the influencer list.
 */
@Controller
class ListeningConsoleController {

    private final Inbox inbox;
    private final ServiceCases cases;
    private final IdentityStore identities;
    private final CustomerService customers;
    private final Influencers influencers;

    ListeningConsoleController(Inbox inbox, ServiceCases cases, IdentityStore identities, CustomerService customers,
            Influencers influencers) {
        this.inbox = inbox;
        this.cases = cases;
        this.identities = identities;
        this.customers = customers;
        this.influencers = influencers;
    }

    @GetMapping("/pr/conversations")
    String conversations(@RequestParam(required = false) @Nullable String network,
            @RequestParam(required = false) @Nullable String sentiment,
            @RequestParam(required = false) @Nullable String minReach,
            @RequestParam(required = false) @Nullable String handled,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String after, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Page<InboxItem> page = new Page<>(List.of(), null);
        try {
            page = inbox.list(InboxFilter.parse(network, sentiment, minReach, handled, assignee), 30, after);
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.put(f.field(), f.message()));
        }
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "network", network);
        put(query, "sentiment", sentiment);
        put(query, "minReach", minReach);
        put(query, "handled", handled);
        put(query, "assignee", assignee);
        model.addAttribute("query", query);
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("after", after);
        model.addAttribute("colleagues", inbox.colleagues());
        return "listening/conversations";
    }

    private static void put(Map<String, String> query, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.put(key, value);
        }
    }

    @PostMapping("/pr/conversations/{id}/handled")
    String handled(@PathVariable long id, @RequestParam(defaultValue = "true") boolean handled, Principal principal,
            RedirectAttributes redirect) {
        inbox.markHandled(id, handled, principal.getName());
        redirect.addFlashAttribute("message", handled ? "Marked as handled." : "Marked as open again.");
        return "redirect:/pr/conversations#item-" + id;
    }

    @PostMapping("/pr/conversations/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) @Nullable String assignee,
            RedirectAttributes redirect) {
        try {
            inbox.assign(id, assignee);
            redirect.addFlashAttribute("message", assignee == null || assignee.isBlank() ? "Unassigned."
                    : "Assigned to " + assignee.strip() + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
        }
        return "redirect:/pr/conversations#item-" + id;
    }

    @PostMapping("/pr/conversations/{id}/case")
    String openCase(@PathVariable long id, @RequestParam(required = false) @Nullable String subject,
            Principal principal, RedirectAttributes redirect) {
        InboxItem item = inbox.get(id);
        try {
            var opened = cases.open(null, id, subject == null || subject.isBlank()
                    ? "About " + item.author() + "'s " + item.type().toLowerCase() + " on " + item.network() : subject,
                    "NEGATIVE".equals(item.sentiment()) ? "HIGH" : "NORMAL", null, null, principal.getName());
            redirect.addFlashAttribute("message", "Opened case #" + opened.id() + ".");
            return "redirect:/service/cases/" + opened.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
            return "redirect:/pr/conversations#item-" + id;
        }
    }

    /** Links the author of a conversation to a customer named by id or external id. */
    @PostMapping("/pr/conversations/{id}/link")
    String link(@PathVariable long id, @RequestParam(required = false) @Nullable String customer,
            RedirectAttributes redirect) {
        InboxItem item = inbox.get(id);
        if (item.identityId() == null) {
            redirect.addFlashAttribute("problem", "This author has no social account to link.");
            return "redirect:/pr/conversations#item-" + id;
        }
        Long customerId = resolve(customer);
        if (customerId == null) {
            redirect.addFlashAttribute("problem", "No customer with id or external id '"
                    + (customer == null ? "" : customer.strip()) + "'.");
            return "redirect:/pr/conversations#item-" + id;
        }
        try {
            identities.linkManually(item.identityId(), customerId);
            redirect.addFlashAttribute("message", "Linked " + item.author() + " to customer " + customerId
                    + "; their earlier activity now shows on the profile.");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/pr/conversations#item-" + id;
    }

    private @Nullable Long resolve(@Nullable String customer) {
        if (customer == null || customer.isBlank()) {
            return null;
        }
        String value = customer.strip();
        if (value.matches("\\d{1,18}") && customers.exists(Long.parseLong(value))) {
            return Long.parseLong(value);
        }
        var found = customers.list(new CustomerFilter(value, null, null), 1, null).items();
        return found.isEmpty() ? null : found.get(0).id();
    }

    @GetMapping("/pr/influencers")
    String influencers(@RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("known", influencers.customers(25, after));
        model.addAttribute("unknown", influencers.unknown(25));
        model.addAttribute("after", after);
        return "listening/influencers";
    }
}
