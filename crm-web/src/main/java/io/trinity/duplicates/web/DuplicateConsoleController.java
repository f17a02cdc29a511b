package io.trinity.duplicates.web;

import io.trinity.customer.CustomerDetails;
import io.trinity.customer.CustomerMerges;
import io.trinity.customer.CustomerService;
import io.trinity.customer.SurvivingValues;
import io.trinity.duplicates.DuplicatePair;
import io.trinity.duplicates.DuplicateQueue;
import io.trinity.duplicates.DuplicateScans;
import io.trinity.duplicates.IdentityProposals;
import io.trinity.shared.ConflictException;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The review queue in the console: clusters best first (band and score filters, paging), a cluster's records side
 * by side with the evidence, field-by-field choice of what survives, merge / not the same person / skip, bulk merge
 * of the automatic band; full scans with their progress (ADMIN); undo of a merge (ADMIN).
 */
@Controller
class DuplicateConsoleController {

    static final int PAGE = 20;

    private final DuplicateQueue queue;
    private final DuplicateScans scans;
    private final CustomerMerges merges;
    private final CustomerService customers;
    private final IdentityProposals proposals;

    DuplicateConsoleController(DuplicateQueue queue, DuplicateScans scans, CustomerMerges merges,
            CustomerService customers, IdentityProposals proposals) {
        this.proposals = proposals;
        this.queue = queue;
        this.scans = scans;
        this.merges = merges;
        this.customers = customers;
    }

    /** A cluster as the queue shows it: its records (current values) and pairs. */
    record ClusterRow(DuplicateQueue.Cluster cluster, List<CustomerDetails> records) {
    }

    @GetMapping("/duplicates")
    String queue(@RequestParam(required = false) @Nullable String band,
            @RequestParam(defaultValue = "0") double min, @RequestParam(defaultValue = "0") int page, Model model) {
        String chosen = band == null || band.isBlank() ? null : band;
        if (chosen != null && !chosen.equals("auto") && !chosen.equals("review")) {
            chosen = null;
        }
        double floor = Math.max(0, Math.min(1, min));
        int at = Math.max(0, page);
        List<DuplicateQueue.Cluster> clusters = queue.clusters(chosen, floor, PAGE + 1, at * PAGE);
        List<ClusterRow> rows = new ArrayList<>();
        for (DuplicateQueue.Cluster c : clusters.subList(0, Math.min(PAGE, clusters.size()))) {
            List<CustomerDetails> records = new ArrayList<>();
            for (long id : c.customerIds()) {
                records.add(customers.get(id));
            }
            rows.add(new ClusterRow(c, records));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("band", chosen);
        model.addAttribute("min", floor);
        model.addAttribute("page", at);
        model.addAttribute("hasNext", clusters.size() > PAGE);
        model.addAttribute("counts", queue.counts());
        model.addAttribute("scan", scans.latest().orElse(null));
        model.addAttribute("proposalCount", proposals.openCount());
        model.addAttribute("recentMerges", merges.recent(10));
        return "duplicates/queue";
    }

    @PostMapping("/duplicates/scans")
    String startScan(Principal principal, RedirectAttributes redirect) {
        try {
            scans.start(principal.getName());
            redirect.addFlashAttribute("message", "Scan started; this page shows its progress.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/duplicates";
    }

    /** Merges every open pair of the automatic band now (the same rule as crm.identity.auto-merge). */
    @GetMapping("/duplicates/identities")
    String identities(@RequestParam(required = false) @Nullable String after, Model model) {
        var page = proposals.list("open", PAGE, after);
        model.addAttribute("proposals", page.items());
        model.addAttribute("proposalCount", proposals.openCount());
        model.addAttribute("next", page.next());
        model.addAttribute("after", after);
        return "duplicates/identities";
    }

    @PostMapping("/duplicates/identities/{id}/link")
    String linkIdentity(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            IdentityProposals.Proposal p = proposals.link(id, principal.getName());
            redirect.addFlashAttribute("message", "Linked " + p.network() + " account " + p.handle() + " to "
                    + p.customerName() + ".");
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/duplicates/identities";
    }

    @PostMapping("/duplicates/identities/{id}/reject")
    String rejectIdentity(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            IdentityProposals.Proposal p = proposals.reject(id, principal.getName());
            redirect.addFlashAttribute("message", "Noted: " + p.handle() + " is not " + p.customerName()
                    + "; it will not be proposed again.");
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/duplicates/identities";
    }

    @PostMapping("/duplicates/merge-automatic")
    String mergeAutomatic(Principal principal, RedirectAttributes redirect) {
        int merged = queue.mergeAutomaticBand(principal.getName());
        redirect.addFlashAttribute("message", merged == 0 ? "The automatic band is empty; nothing was merged."
                : merged + " pairs of the automatic band merged. Each can be undone from the customer's page.");
        return "redirect:/duplicates";
    }

    /** One field side by side: its label, the two values, and which side the default rules keep. */
    record FieldRow(String field, String label, @Nullable String a, @Nullable String b, String chosen) {
    }

    @GetMapping("/duplicates/pairs/{id}")
    String pair(@PathVariable long id, Model model) {
        DuplicatePair pair = queue.find(id).orElseThrow(() -> new NotFoundException("no duplicate pair " + id));
        CustomerDetails a = customers.get(pair.customerA());
        CustomerDetails b = customers.get(pair.customerB());
        if (a.id() == b.id()) {
            model.addAttribute("sameNow", true);
        }
        MergeForm form = new MergeForm();
        form.setSurvivor(a.id());
        model.addAttribute("form", form);
        fill(model, pair, a, b, form);
        return "duplicates/pair";
    }

    private void fill(Model model, DuplicatePair pair, CustomerDetails a, CustomerDetails b, MergeForm form) {
        Map<String, String> defaults = SurvivingValues.choices(a, b, null);
        List<FieldRow> fields = new ArrayList<>();
        for (String field : SurvivingValues.FIELDS) {
            String chosen = form.getFields().getOrDefault(field,
                    "other".equals(defaults.get(field)) ? "b" : "a");
            fields.add(new FieldRow(field, LABELS.getOrDefault(field, field), show(a, field), show(b, field), chosen));
        }
        model.addAttribute("pair", pair);
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        model.addAttribute("fields", fields);
        model.addAttribute("next", queue.clusters(null, 0, 2, 0).stream().map(c -> c.pairs().get(0).id())
                .filter(p -> p != pair.id()).findFirst().orElse(null));
    }

    @PostMapping("/duplicates/pairs/{id}/merge")
    String merge(@PathVariable long id, @ModelAttribute("form") MergeForm form, BindingResult binding,
            Principal principal, Model model, RedirectAttributes redirect) {
        DuplicatePair pair = queue.find(id).orElseThrow(() -> new NotFoundException("no duplicate pair " + id));
        CustomerDetails a = customers.get(pair.customerA());
        CustomerDetails b = customers.get(pair.customerB());
        Long survivor = form.getSurvivor();
        if (survivor == null || (survivor != a.id() && survivor != b.id())) {
            binding.rejectValue("survivor", "survivor", "Choose which record keeps its id.");
        }
        for (Map.Entry<String, String> choice : form.getFields().entrySet()) {
            if (!SurvivingValues.FIELDS.contains(choice.getKey())
                    || !(choice.getValue().equals("a") || choice.getValue().equals("b"))) {
                binding.reject("fields", "Choose the left or the right value for " + choice.getKey() + ".");
            }
        }
        if (binding.hasErrors()) {
            fill(model, pair, a, b, form);
            return "duplicates/pair";
        }
        long keeps = survivor;
        long other = keeps == a.id() ? b.id() : a.id();
        // The form speaks of left (a) and right (b); the merge of survivor and other.
        Map<String, String> fields = new LinkedHashMap<>();
        form.getFields().forEach((field, side) -> fields.put(field,
                (side.equals("a") ? a.id() : b.id()) == keeps ? "survivor" : "other"));
        try {
            CustomerMerges.MergeResult result = merges.merge(keeps, other, fields, new CustomerMerges.Origin(
                    principal.getName(), false, pair.id(), pair.probability(), queue.evidenceJson(pair.id())));
            redirect.addFlashAttribute("message", "Merged customer " + other + " into this one ("
                    + describe(result.moved()) + "). The merge can be undone below.");
            return "redirect:/customers/" + keeps;
        } catch (ConflictException | InvalidInputException e) {
            binding.reject("merge", e.getMessage());
            fill(model, pair, a, b, form);
            return "duplicates/pair";
        }
    }

    @PostMapping("/duplicates/pairs/{id}/reject")
    String reject(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            queue.reject(id, principal.getName());
            redirect.addFlashAttribute("message", "Marked as not the same person; this pair will not be proposed again.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/duplicates";
    }

    @PostMapping("/merges/{id}/undo")
    String undo(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        CustomerMerges.MergeView merge = merges.find(id).orElseThrow(() -> new NotFoundException("no merge " + id));
        try {
            merges.undo(id, principal.getName());
            redirect.addFlashAttribute("message", "Merge undone: customer " + merge.mergedId()
                    + " is a customer of its own again, with what it had before the merge.");
            return "redirect:/customers/" + merge.mergedId();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/customers/" + merge.survivorId();
        }
    }

    static String describe(Map<String, Long> moved) {
        List<String> parts = new ArrayList<>();
        moved.forEach((kind, n) -> {
            if (n > 0) {
                parts.add(n + " " + kind);
            }
        });
        return parts.isEmpty() ? "nothing else to move" : String.join(", ", parts) + " moved";
    }

    private static final Map<String, String> LABELS = Map.of("firstName", "First name", "lastName", "Last name",
            "email", "E-mail", "phone", "Phone", "loyaltyNumber", "Loyalty no.", "locale", "Locale", "birthDate",
            "Birth date", "address", "Address");

    private static @Nullable String show(CustomerDetails c, String field) {
        if (field.equals("address")) {
            List<String> parts = new ArrayList<>();
            for (String part : new String[] {c.street(), c.postalCode(), c.city(), c.region(), c.country()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        Object value = SurvivingValues.value(c, field);
        return value == null ? null : value.toString();
    }
}
