package io.trinity.web.customer;

import io.trinity.core.activity.ActivityQueries;
import io.trinity.core.customer.CustomerDetails;
import io.trinity.core.customer.CustomerFilter;
import io.trinity.core.customer.CustomerService;
import io.trinity.core.identity.IdentityStore;
import io.trinity.core.order.OrderQueries;
import io.trinity.core.shared.InvalidInputException;
import io.trinity.core.shared.Page;
import io.trinity.scoring.run.CustomerValues;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's customer list (search, keyset paging) and customer page (identities, orders, activity). */
@Controller
class CustomerConsoleController {

    static final int PAGE = 25;

    private final CustomerService customers;
    private final IdentityStore identities;
    private final OrderQueries orders;
    private final ActivityQueries activities;
    private final CustomerValues values;
    private final io.trinity.core.loyalty.LoyaltyAccounts loyalty;

    CustomerConsoleController(CustomerService customers, IdentityStore identities, OrderQueries orders,
            ActivityQueries activities, CustomerValues values, io.trinity.core.loyalty.LoyaltyAccounts loyalty) {
        this.loyalty = loyalty;
        this.customers = customers;
        this.identities = identities;
        this.orders = orders;
        this.activities = activities;
        this.values = values;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("after", after);
        try {
            model.addAttribute("page", customers.list(new CustomerFilter(null, null, q), PAGE, after));
        } catch (InvalidInputException e) {
            model.addAttribute("page", new Page<CustomerDetails>(List.of(), null));
            model.addAttribute("error", e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        return "customer/list";
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String ordersAfter,
            @RequestParam(required = false) @Nullable String activitiesAfter, Model model) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("identities", identities.forCustomer(id));
        model.addAttribute("orders", orders.forCustomer(id, 20, ordersAfter));
        model.addAttribute("activities", activities.byCustomer(id, 20, activitiesAfter));
        model.addAttribute("value", values.valueOf(id).orElse(null));
        model.addAttribute("history", values.history(id));
        model.addAttribute("loyalty", loyalty.summary(id));
        return "customer/detail";
    }
}
