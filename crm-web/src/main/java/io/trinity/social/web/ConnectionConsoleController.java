package io.trinity.social.web;

import io.trinity.identity.IdentityStore;
import io.trinity.api.FormErrors;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.social.connection.ConnectionDraft;
import io.trinity.social.connection.Connections;
import io.trinity.social.sync.SocialSyncs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin console for social connections: add one (credentials are write-only), pause or resume it, sync it now,
 * read the sync log, and link the identities nobody could match.
 */
@Controller
class ConnectionConsoleController {

    private final Connections connections;
    private final SocialSyncs syncs;
    private final IdentityStore identities;
    private final io.trinity.customer.CustomerSearch search;

    ConnectionConsoleController(Connections connections, SocialSyncs syncs, IdentityStore identities,
            io.trinity.customer.CustomerSearch search) {
        this.search = search;
        this.connections = connections;
        this.syncs = syncs;
        this.identities = identities;
    }

    @GetMapping("/admin/connections")
    String page(@RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("connections", connections.list());
        model.addAttribute("syncs", syncs.recent(20));
        model.addAttribute("unmatched", identities.list(false, 25, after));
        model.addAttribute("after", after);
        model.addAttribute("schedules", io.trinity.console.ConsoleFormats.SCHEDULES);
        if (!model.containsAttribute("connectionForm")) {
            model.addAttribute("connectionForm", ConnectionForm.EMPTY);
        }
        return "social/connections";
    }

    /** The one credential each network's connector needs, by the name the connector reads it under. */
    static final Map<String, String> CREDENTIALS = Map.of("facebook", "pageAccessToken", "x", "bearerToken",
            "foursquare", "oauthToken", "checkin-webhook", "secret");

    static @Nullable String credentialFor(@Nullable String network) {
        return network == null ? null : CREDENTIALS.get(network.strip());
    }

    /** The form to add a connection; what was typed (but the credential) comes back after an error. */
    record ConnectionForm(@Nullable String network, @Nullable String accountId, @Nullable String displayName,
            @Nullable String credentialName, @Nullable String credentialValue, @Nullable String schedule) {

        static final ConnectionForm EMPTY = new ConnectionForm("facebook", null, null, null, null, "PT1H");
    }

    @PostMapping("/admin/connections")
    String create(@ModelAttribute("connectionForm") ConnectionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Map<String, String> credentials = new LinkedHashMap<>();
        String credentialName = form.credentialName() != null && !form.credentialName().isBlank()
                ? form.credentialName().strip() : credentialFor(form.network());
        if (credentialName != null) {
            credentials.put(credentialName, form.credentialValue() == null ? "" : form.credentialValue());
        }
        List<FieldError> errors;
        try {
            connections.create(new ConnectionDraft(form.network(), form.accountId(), form.displayName(),
                    credentials, form.schedule()));
            redirect.addFlashAttribute("message", "Connection added.");
            return "redirect:/admin/connections";
        } catch (InvalidInputException e) {
            errors = e.errors();
        } catch (ConflictException e) {
            errors = List.of(new FieldError(e.field(), e.getMessage()));
        }
        FormErrors.reject(result, errors.stream().map(e -> e.field().startsWith("credentials")
                ? new FieldError("credentialValue", e.message()) : e).toList());
        return page(null, model);
    }

    @PostMapping("/admin/connections/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) @Nullable String displayName,
            @RequestParam(required = false) @Nullable String schedule,
            @RequestParam(required = false) @Nullable String credentialName,
            @RequestParam(required = false) @Nullable String credentialValue, RedirectAttributes redirect) {
        var current = connections.get(id);
        Map<String, String> credentials = null;
        if (credentialValue != null && !credentialValue.isBlank() && credentialName != null) {
            credentials = Map.of(credentialName.strip(), credentialValue);
        }
        try {
            connections.update(id, new ConnectionDraft(current.network(), current.accountId(), displayName,
                    credentials, schedule));
            redirect.addFlashAttribute("message", "Connection updated" + (credentials == null
                    ? "; its credentials were kept." : " with new credentials."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("message", e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        return "redirect:/admin/connections";
    }

    @PostMapping("/admin/connections/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, RedirectAttributes redirect) {
        connections.setStatus(id, status);
        redirect.addFlashAttribute("message", "Connection " + ("paused".equals(status) ? "paused." : "resumed."));
        return "redirect:/admin/connections";
    }

    @PostMapping("/admin/connections/{id}/syncs")
    String sync(@PathVariable long id, RedirectAttributes redirect) {
        try {
            syncs.start(id);
            redirect.addFlashAttribute("message", "Sync started; its result appears in the sync log below.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("message", e.errors().get(0).message());
        }
        return "redirect:/admin/connections";
    }

    /** Links an unmatched identity to the customer a picker named (id, external id, or a search with one result). */
    @PostMapping("/admin/identities/{id}/link")
    String link(@PathVariable long id, @RequestParam(required = false) @Nullable String customer,
            @RequestParam(required = false) @Nullable Long customerId, RedirectAttributes redirect) {
        try {
            String named = customer != null && !customer.isBlank() ? customer
                    : customerId == null ? null : customerId.toString();
            if (named == null) {
                throw new InvalidInputException("customer", "choose a customer: type a name, e-mail or loyalty number");
            }
            long target = search.pick(named).orElseThrow(() -> new InvalidInputException("customer",
                    "no single customer matches '" + named.strip() + "': pick one from the list"));
            identities.linkManually(id, target);
            redirect.addFlashAttribute("message", "Identity linked to customer " + target + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/connections";
    }
}
