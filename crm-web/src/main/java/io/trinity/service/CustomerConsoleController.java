package io.trinity.service;

import io.trinity.customer.CustomerDetails;
import io.trinity.customer.CustomerFilter;
import io.trinity.customer.CustomerService;
import io.trinity.identity.IdentityStore;
import io.trinity.order.OrderQueries;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
import io.trinity.scoring.CustomerValues;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's customer list (search, keyset paging) and customer page (identities, orders, activity). */
@Controller
class CustomerConsoleController {

    static final int PAGE = 25;

    private final CustomerService customers;
    private final IdentityStore identities;
    private final OrderQueries orders;
    private final CustomerValues values;
    private final io.trinity.loyalty.LoyaltyAccounts loyalty;
    private final io.trinity.timeline.Timeline timeline;
    private final io.trinity.cases.ServiceCases cases;
    private final io.trinity.moments.Moments moments;
    private final tools.jackson.databind.json.JsonMapper json;
    private final io.trinity.customer.CustomerResolver resolver;
    private final io.trinity.customer.CustomerMerges merges;
    private final io.trinity.customer.CustomerSearch search;
    private final io.trinity.customer.CustomerNotes notes;
    private final io.trinity.loyalty.Rewards rewards;

    CustomerConsoleController(CustomerService customers, IdentityStore identities, OrderQueries orders,
            CustomerValues values, io.trinity.loyalty.LoyaltyAccounts loyalty,
            io.trinity.timeline.Timeline timeline, io.trinity.cases.ServiceCases cases,
            io.trinity.moments.Moments moments, tools.jackson.databind.json.JsonMapper json,
            io.trinity.customer.CustomerResolver resolver, io.trinity.customer.CustomerMerges merges,
            io.trinity.customer.CustomerSearch search, io.trinity.customer.CustomerNotes notes,
            io.trinity.loyalty.Rewards rewards) {
        this.rewards = rewards;
        this.notes = notes;
        this.search = search;
        this.resolver = resolver;
        this.merges = merges;
        this.loyalty = loyalty;
        this.timeline = timeline;
        this.cases = cases;
        this.moments = moments;
        this.json = json;
        this.customers = customers;
        this.identities = identities;
        this.orders = orders;
        this.values = values;
    }

    /** Search results shown at once: the best matches, ranked; more means the search needs another word. */
    static final int BEST = 50;

    @GetMapping("/customers")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-Trigger", required = false) @Nullable String trigger,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("after", after);
        try {
            if (q != null && !q.isBlank()) {
                io.trinity.customer.CustomerSearch.Found found = search.search(q, BEST + 1);
                List<io.trinity.customer.CustomerSearch.Hit> hits = found.hits();
                model.addAttribute("broad", found.broad());
                // One exact identifier (e-mail, loyalty number, external id) opens the profile — when the search
                // was sent, not while it is being typed.
                boolean sent = htmx == null || "customer-search".equals(trigger);
                if (sent && !hits.isEmpty() && hits.get(0).exact() && (hits.size() == 1 || !hits.get(1).exact())) {
                    String target = "/customers/" + hits.get(0).customer().id();
                    if (htmx == null) {
                        return "redirect:" + target;
                    }
                    response.setHeader("HX-Redirect", target);
                }
                model.addAttribute("page", new Page<>(hits.stream().limit(BEST).map(h -> h.customer()).toList(),
                        null));
                model.addAttribute("more", hits.size() > BEST);
                return "customer/list";
            }
            model.addAttribute("page", customers.list(new CustomerFilter(null, null, q), PAGE, after));
        } catch (InvalidInputException e) {
            model.addAttribute("page", new Page<CustomerDetails>(List.of(), null));
            model.addAttribute("error", e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        return "customer/list";
    }

    /** The options of a customer picker: the best few matches for what was typed into the field named {@code field}. */
    @GetMapping("/customers/picker")
    String picker(@RequestParam(defaultValue = "customer") String field,
            @RequestParam org.springframework.util.MultiValueMap<String, String> params, Model model) {
        String typed = params.getFirst(field);
        List<io.trinity.customer.CustomerSearch.Hit> hits = List.of();
        if (typed != null && typed.strip().length() >= 2) {
            try {
                hits = search.find(typed, 8);
            } catch (InvalidInputException e) {
                hits = List.of(); // half-typed input offers nothing yet
            }
        }
        model.addAttribute("hits", hits);
        return "fragments/picker :: options";
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String ordersAfter,
            @RequestParam(required = false) @Nullable String timelineAfter,
            @RequestParam(required = false) @Nullable String timelineSource, Model model) {
        // A merged-away customer is the survivor now: its old links keep working.
        long current = resolver.current(id);
        if (current != id) {
            return "redirect:/customers/" + current;
        }
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("merges", merges.mergesOf(id));
        model.addAttribute("notes", notes.of(id, 20));
        model.addAttribute("changes", notes.changes(id, 5));
        model.addAttribute("identities", identities.forCustomer(id));
        model.addAttribute("orders", orders.forCustomer(id, 20, ordersAfter));
        String source = timelineSource != null && io.trinity.timeline.Timeline.SOURCES.contains(timelineSource)
                ? timelineSource : null;
        var recent = timeline.of(id, 25, timelineAfter, source);
        model.addAttribute("timeline", recent);
        model.addAttribute("timelineLines", io.trinity.timeline.TimelineGroups.of(recent.items()));
        model.addAttribute("timelineSource", source);
        model.addAttribute("timelineSources", io.trinity.timeline.Timeline.SOURCES);
        model.addAttribute("timelineAfter", timelineAfter);
        model.addAttribute("cases", cases.forCustomer(id));
        model.addAttribute("moments", moments.of(id));
        model.addAttribute("value", values.valueOf(id).orElse(null));
        var history = values.history(id);
        model.addAttribute("history", history);
        if (history.size() > 1) {
            model.addAttribute("historyChart", json.writeValueAsString(java.util.Map.of("type", "line",
                    "labels", history.stream().map(h -> h.asOf().toString()).toList(),
                    "datasets", java.util.List.of(
                            java.util.Map.of("label", "combined", "data", history.stream().map(h -> h.combined()).toList()),
                            java.util.Map.of("label", "transaction", "data", history.stream()
                                    .map(h -> h.transaction() == null ? 0.0 : h.transaction()).toList()),
                            java.util.Map.of("label", "relationship", "data",
                                    history.stream().map(h -> h.relationship()).toList()),
                            java.util.Map.of("label", "influence", "data",
                                    history.stream().map(h -> h.influence()).toList())),
                    "yLabel", "score")));
        }
        var summary = loyalty.summary(id);
        model.addAttribute("loyalty", summary);
        model.addAttribute("affordable", rewards.list().stream().filter(w -> w.active() && w.pointsPrice() > 0
                && w.pointsPrice() <= summary.balance() && (w.stock() == null || w.stock() > 0)).toList());
        return "customer/detail";
    }
}
