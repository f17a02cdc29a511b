package io.trinity.service;

import io.trinity.api.FormErrors;
import io.trinity.customer.CustomerDetails;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerNotes;
import io.trinity.customer.CustomerResolver;
import io.trinity.customer.CustomerService;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
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
 * Editing a customer in the console (every value kept after an error, the error next to its field, the edit
 * audited by field name) and the notes staff keep on a customer.
 */
@Controller
class CustomerEditController {

    private final CustomerService customers;
    private final CustomerNotes notes;
    private final CustomerResolver resolver;

    private final io.trinity.loyalty.Rewards rewards;

    CustomerEditController(CustomerService customers, CustomerNotes notes, CustomerResolver resolver,
            io.trinity.loyalty.Rewards rewards) {
        this.rewards = rewards;
        this.customers = customers;
        this.notes = notes;
        this.resolver = resolver;
    }

    /** What the edit form holds; the external id is the source system's and is not edited here. */
    record CustomerForm(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
            @Nullable String phone, @Nullable String loyaltyNumber, @Nullable String locale, @Nullable String street,
            @Nullable String postalCode, @Nullable String city, @Nullable String region, @Nullable String country,
            @Nullable String birthDate, @Nullable Boolean marketingConsent) {

        static CustomerForm of(CustomerDetails c) {
            return new CustomerForm(c.firstName(), c.lastName(), c.email(), c.phone(), c.loyaltyNumber(),
                    c.locale(), c.street(), c.postalCode(), c.city(), c.region(), c.country(),
                    c.birthDate() == null ? null : c.birthDate().toString(), c.marketingConsent());
        }

        CustomerDraft draft(String externalId) {
            return new CustomerDraft(externalId, firstName, lastName, email, phone, loyaltyNumber, locale, city,
                    country, Boolean.TRUE.equals(marketingConsent), null, birthDate, street, postalCode, region);
        }
    }

    @GetMapping("/customers/{id}/edit")
    String form(@PathVariable long id, Model model) {
        long current = resolver.current(id);
        if (current != id) {
            return "redirect:/customers/" + current + "/edit";
        }
        CustomerDetails customer = customers.get(id);
        model.addAttribute("customer", customer);
        if (!model.containsAttribute("customerForm")) {
            model.addAttribute("customerForm", CustomerForm.of(customer));
        }
        return "customer/edit";
    }

    @PostMapping("/customers/{id}/edit")
    String save(@PathVariable long id, @ModelAttribute("customerForm") CustomerForm form, BindingResult result,
            Model model, Principal principal, RedirectAttributes redirect) {
        CustomerDetails customer = customers.get(id);
        try {
            customers.edit(customer.id(), form.draft(customer.externalId()), principal.getName());
            redirect.addFlashAttribute("message", "Saved the changes to " + customer.displayName() + ".");
            return "redirect:/customers/" + customer.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e.errors());
        } catch (ConflictException e) {
            FormErrors.reject(result, List.of(new FieldError(e.field(), e.getMessage())));
        }
        model.addAttribute("customer", customer);
        return "customer/edit";
    }

    /** Redeems a reward of the catalogue for the customer (an agent on the phone), the points taken at once. */
    @PostMapping("/customers/{id}/redemptions")
    String redeem(@PathVariable long id, @RequestParam long rewardId, Principal principal,
            RedirectAttributes redirect) {
        long current = resolver.current(id);
        try {
            var done = rewards.redeem(current, rewardId, principal.getName());
            redirect.addFlashAttribute("message", "Redeemed \"" + done.rewardName() + "\" for " + done.points()
                    + " points" + (done.code() != null ? "; the code is " + done.code() : "") + ". Balance now "
                    + done.balance() + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Not redeemed: " + e.errors().get(0).message() + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "Not redeemed: " + e.getMessage() + ".");
        }
        return "redirect:/customers/" + current + "#loyalty";
    }

    @PostMapping("/customers/{id}/notes")
    String note(@PathVariable long id, @RequestParam(required = false) @Nullable String text, Principal principal,
            RedirectAttributes redirect) {
        try {
            notes.add(id, text, principal.getName());
            redirect.addFlashAttribute("message", "Note saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "The note was not saved: " + e.errors().get(0).message() + ".");
            redirect.addFlashAttribute("noteText", text);
        }
        return "redirect:/customers/" + resolver.current(id) + "#notes";
    }
}
