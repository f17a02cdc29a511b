package io.trinity.listening.web;

import io.trinity.cases.ServiceCases;
import io.trinity.customer.CustomerSearch;
import io.trinity.identity.IdentityStore;
import io.trinity.listening.Inbox;
import io.trinity.listening.InboxFilter;
import io.trinity.listening.InboxItem;
import io.trinity.listening.Influencers;
import io.trinity.shared.ConflictException;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * PR's listening inbox (mentions, comments, reviews; filter, mark handled, assign, open a case, link an unknown
 * author to a customer; several at once) and the influencer list. Actions on one item answer htmx with that item
 * alone, so the filters, the page and the scroll stay; without htmx they come back to the same view.
 */
@Controller
class ListeningConsoleController {

    /** The inbox's filters: what a view is made of, and all that an action's way back keeps. */
    static final List<String> FILTERS = List.of("network", "sentiment", "minReach", "handled", "assignee", "after");

    private final Inbox inbox;
    private final ServiceCases cases;
    private final IdentityStore identities;
    private final CustomerSearch search;
    private final Influencers influencers;

    ListeningConsoleController(Inbox inbox, ServiceCases cases, IdentityStore identities, CustomerSearch search,
            Influencers influencers) {
        this.inbox = inbox;
        this.cases = cases;
        this.identities = identities;
        this.search = search;
        this.influencers = influencers;
    }

    /** The inbox; without a state filter it shows what is still open (PR's work), "all" shows everything. */
    @GetMapping("/pr/conversations")
    String conversations(@RequestParam(required = false) @Nullable String network,
            @RequestParam(required = false) @Nullable String sentiment,
            @RequestParam(required = false) @Nullable String minReach,
            @RequestParam(required = false) @Nullable String handled,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String after, Model model) {
        String state = handled == null || handled.isBlank() ? "open" : handled;
        Map<String, String> errors = new LinkedHashMap<>();
        Page<InboxItem> page = new Page<>(List.of(), null);
        try {
            page = inbox.list(InboxFilter.parse(network, sentiment, minReach, state, assignee), 30, after);
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.put(f.field(), f.message()));
        }
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "network", network);
        put(query, "sentiment", sentiment);
        put(query, "minReach", minReach);
        put(query, "handled", state);
        put(query, "assignee", assignee);
        Map<String, String> view = new LinkedHashMap<>(query);
        put(view, "after", after);
        model.addAttribute("query", query);
        model.addAttribute("view", toQuery(view));
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

    private static String toQuery(Map<String, String> view) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        view.forEach(builder::queryParam);
        String query = builder.encode().build().getQuery();
        return query == null ? "" : query;
    }

    @PostMapping("/pr/conversations/{id}/handled")
    String handled(@PathVariable long id, @RequestParam(defaultValue = "true") boolean handled,
            @RequestParam(required = false) @Nullable String view,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Principal principal,
            Model model, RedirectAttributes redirect) {
        return answer(id, view, htmx, model, redirect, () -> {
            inbox.markHandled(id, handled, principal.getName());
            return handled ? "Marked as handled." : "Marked as open again.";
        });
    }

    @PostMapping("/pr/conversations/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String view,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect) {
        return answer(id, view, htmx, model, redirect, () -> {
            inbox.assign(id, assignee);
            return assignee == null || assignee.isBlank() ? "Unassigned." : "Assigned to " + assignee.strip() + ".";
        });
    }

    /** Links the author of a conversation to the customer the picker named (id, external id or a unique search). */
    @PostMapping("/pr/conversations/{id}/link")
    String link(@PathVariable long id, @RequestParam(required = false) @Nullable String customer,
            @RequestParam(required = false) @Nullable String view,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect) {
        return answer(id, view, htmx, model, redirect, () -> {
            InboxItem item = inbox.get(id);
            if (item.identityId() == null) {
                throw new InvalidInputException("customer", "This author has no social account to link.");
            }
            long customerId = picked(customer);
            identities.linkManually(item.identityId(), customerId);
            return "Linked " + item.author() + " to customer " + customerId
                    + "; their earlier activity now shows on the profile.";
        });
    }

    /**
     * Runs one action on one item. htmx gets the item as it is now and the message for the page's message area;
     * a plain form post is redirected to the view it came from, with the message.
     */
    private String answer(long id, @Nullable String view, @Nullable String htmx, Model model,
            RedirectAttributes redirect, Supplier<String> action) {
        String message = null;
        String problem = null;
        try {
            message = action.get();
        } catch (InvalidInputException e) {
            problem = e.errors().get(0).message();
        } catch (ConflictException e) {
            problem = e.getMessage();
        }
        if (htmx != null) {
            model.addAttribute("a", inbox.get(id));
            model.addAttribute("message", message);
            model.addAttribute("problem", problem);
            model.addAttribute("colleagues", inbox.colleagues());
            model.addAttribute("view", view == null ? "" : view);
            return "listening/item-update";
        }
        redirect.addFlashAttribute(message != null ? "message" : "problem", message != null ? message : problem);
        return back(view, redirect) + "#item-" + id;
    }

    /** The way back to the inbox view a form came from, rebuilt from its known filters only. */
    private static String back(@Nullable String view, RedirectAttributes redirect) {
        if (view != null && !view.isBlank()) {
            MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString("/?" + view).build()
                    .getQueryParams();
            for (String key : FILTERS) {
                String value = params.getFirst(key);
                if (value != null && !value.isBlank()) {
                    redirect.addAttribute(key, org.springframework.web.util.UriUtils.decode(value,
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return "redirect:/pr/conversations";
    }

    /** Marks handled or assigns every ticked conversation, all or none, and comes back to the same view. */
    @PostMapping("/pr/conversations/bulk")
    String bulk(@RequestParam(name = "ids", required = false) @Nullable List<Long> ids, @RequestParam String action,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String view,
            Principal principal, RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : ids;
        try {
            switch (action) {
                case "handled" -> redirect.addFlashAttribute("message", "Marked "
                        + inbox.markHandled(chosen, true, principal.getName()) + " conversation(s) as handled.");
                case "assign" -> {
                    int n = inbox.assign(chosen, to);
                    redirect.addFlashAttribute("message", to == null || to.isBlank() ? "Unassigned " + n
                            + " conversation(s)." : "Assigned " + n + " conversation(s) to " + to.strip() + ".");
                }
                default -> throw new InvalidInputException("action", "must be handled or assign");
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Nothing was changed: " + e.errors().get(0).message() + ".");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", "Nothing was changed: " + e.getMessage() + ".");
        }
        return back(view, redirect);
    }

    /** Opens a case about a conversation; the colleague it was assigned to gets the case too. */
    @PostMapping("/pr/conversations/{id}/case")
    String openCase(@PathVariable long id, @RequestParam(required = false) @Nullable String subject,
            Principal principal, RedirectAttributes redirect) {
        InboxItem item = inbox.get(id);
        try {
            String assignee = item.assignee() != null && cases.assignees().contains(item.assignee())
                    ? item.assignee() : null;
            var opened = cases.open(null, id, subject == null || subject.isBlank()
                    ? "About " + item.author() + "'s " + item.type().toLowerCase() + " on " + item.network() : subject,
                    "NEGATIVE".equals(item.sentiment()) ? "HIGH" : "NORMAL", assignee, null, principal.getName());
            redirect.addFlashAttribute("message", "Opened case #" + opened.id() + "."
                    + (assignee != null ? " Assigned to " + assignee + ", as the mention was." : ""));
            return "redirect:/service/cases/" + opened.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
            return "redirect:/pr/conversations#item-" + id;
        }
    }

    /** The customer a picker's text names, or a refusal that says why (nobody, or more than one person). */
    private long picked(@Nullable String customer) {
        if (customer == null || customer.isBlank()) {
            throw new InvalidInputException("customer", "Choose a customer: type a name, e-mail or loyalty number.");
        }
        return search.pick(customer).orElseThrow(() -> new InvalidInputException("customer",
                "No single customer matches '" + customer.strip() + "': pick one from the list."));
    }

    @GetMapping("/pr/influencers")
    String influencers(@RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("known", influencers.customers(25, after));
        model.addAttribute("unknown", influencers.unknown(25));
        model.addAttribute("after", after);
        return "listening/influencers";
    }

    /** Links an account with a big audience (not yet a customer) to the customer the picker named. */
    @PostMapping("/pr/influencers/{identityId}/link")
    String linkInfluencer(@PathVariable long identityId, @RequestParam(required = false) @Nullable String customer,
            RedirectAttributes redirect) {
        try {
            long customerId = picked(customer);
            identities.linkManually(identityId, customerId);
            redirect.addFlashAttribute("message", "Linked the account to customer " + customerId
                    + "; its audience now counts in their influence at the next scoring run.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/pr/influencers";
    }
}
