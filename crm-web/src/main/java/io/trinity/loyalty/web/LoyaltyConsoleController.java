package io.trinity.loyalty.web;

import io.trinity.customer.CustomerService;
import io.trinity.api.FormErrors;
import io.trinity.loyalty.EarningCeilings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.trinity.scoring.ExchangeRates;
import io.trinity.loyalty.EffectKind;
import io.trinity.loyalty.LimitPeriod;
import io.trinity.loyalty.LoyaltyAccounts;
import io.trinity.scoring.CustomerValues;
import io.trinity.loyalty.ReferralRole;
import io.trinity.loyalty.RewardRule;
import io.trinity.loyalty.RewardRules;
import io.trinity.loyalty.Rewards;
import io.trinity.loyalty.RuleDraft;
import io.trinity.loyalty.RulePreview;
import io.trinity.loyalty.RuleStatus;
import io.trinity.loyalty.Tier;
import io.trinity.loyalty.TierLadder;
import io.trinity.loyalty.Trigger;
import io.trinity.order.Channel;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The loyalty admin's console: the rule book with an editor that validates next to each field and previews the
 * last 30 days before anything is saved, the rewards catalogue, tiers, members' ledgers with adjustments, and the
 * audit log of rule changes.
 */
@Controller
class LoyaltyConsoleController {

    private final RewardRules rules;
    private final RulePreview preview;
    private final Rewards rewards;
    private final TierLadder tiers;
    private final EarningCeilings ceilings;
    private final LoyaltyAccounts accounts;
    private final CustomerService customers;
    private final ExchangeRates rates;
    
    LoyaltyConsoleController(RewardRules rules, RulePreview preview, Rewards rewards, TierLadder tiers,
            LoyaltyAccounts accounts, CustomerService customers, ExchangeRates rates,
            EarningCeilings ceilings) {
        this.ceilings = ceilings;
        this.rules = rules;
        this.preview = preview;
        this.rewards = rewards;
        this.tiers = tiers;
        this.accounts = accounts;
        this.customers = customers;
        this.rates = rates;
    }

    private ExchangeRates base() {
        return rates;
    }

    /** The rule in words, naming the catalogue reward it issues rather than its number. */
    String summary(RewardRule rule) {
        String text = RuleJson.summary(rule, base().currency().getCurrencyCode());
        Long rewardId = rule.effect().rewardId();
        if (rewardId == null) {
            return text;
        }
        String name = rewards.list().stream().filter(r -> r.id() == rewardId).map(r -> "\"" + r.name() + "\"")
                .findFirst().orElse("#" + rewardId);
        return text.replace("reward #" + rewardId, "reward " + name);
    }

    @GetMapping("/loyalty")
    String rules(Model model) {
        var listed = rules.list();
        Map<Long, String> summaries = new HashMap<>();
        listed.forEach(l -> summaries.put(l.rule().id(), summary(l.rule())));
        model.addAttribute("rules", listed);
        model.addAttribute("summaries", summaries);
        model.addAttribute("tiers", tiers.current().all());
        model.addAttribute("audit", rules.audit(null, 8, null).items());
        return "loyalty/rules";
    }

    @GetMapping("/loyalty/rules/new")
    String newRule(Model model) {
        RuleDraft empty = RuleDraft.builder().trigger("PURCHASE").priority("100").effect("FIXED_POINTS")
                .oncePerCustomer(false).build();
        model.addAttribute("draft", RuleForm.of(empty));
        return form(model, null, null);
    }

    @GetMapping("/loyalty/rules/{id}")
    String editRule(@PathVariable long id, Model model) {
        RewardRule rule = rules.get(id);
        model.addAttribute("draft", RuleForm.of(RuleDraft.of(rule, base().currency().getDefaultFractionDigits())));
        return form(model, rule, null);
    }

    @PostMapping("/loyalty/rules")
    String create(@ModelAttribute("draft") RuleForm draft, BindingResult result,
            @RequestParam(defaultValue = "save") String action, Principal principal, Model model,
            RedirectAttributes redirect) {
        return submit(null, draft, result, action, principal, model, redirect);
    }

    @PostMapping("/loyalty/rules/{id}")
    String save(@PathVariable long id, @ModelAttribute("draft") RuleForm draft, BindingResult result,
            @RequestParam(defaultValue = "save") String action, Principal principal, Model model,
            RedirectAttributes redirect) {
        return submit(id, draft, result, action, principal, model, redirect);
    }

    private String submit(@Nullable Long id, RuleForm form, BindingResult result, String action,
            Principal principal, Model model, RedirectAttributes redirect) {
        RewardRule existing = id == null ? null : rules.get(id);
        RuleDraft draft = form.draft();
        try {
            if (action.equals("preview")) {
                RewardRule candidate = rules.validate(draft);
                if (existing != null) {
                    candidate = new RewardRule(existing.id(), existing.version() + 1, candidate.name(),
                            candidate.trigger(), candidate.status(), candidate.priority(), candidate.group(),
                            candidate.activeFrom(), candidate.activeUntil(), candidate.conditions(),
                            candidate.effect(), candidate.limits());
                }
                return form(model, existing, preview.preview(candidate));
            }
            RewardRule saved = id == null ? rules.create(draft, principal.getName())
                    : rules.edit(id, draft, principal.getName());
            redirect.addFlashAttribute("message", id == null
                    ? "Created \"" + saved.name() + "\" as a draft. Preview it, then activate it."
                    : "Saved version " + saved.version() + " of \"" + saved.name() + "\""
                            + (saved.status() == RuleStatus.ACTIVE ? "; it is in force now." : "."));
            return "redirect:/loyalty/rules/" + saved.id();
        } catch (InvalidInputException e) {
            RuleForm.reject(result, e.errors());
            return form(model, existing, null);
        } catch (ConflictException e) {
            RuleForm.reject(result, List.of(new FieldError(e.field(), e.getMessage())));
            return form(model, existing, null);
        }
    }

    @PostMapping("/loyalty/rules/{id}/activate")
    String activate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            RewardRule rule = rules.activate(id, principal.getName());
            List<String> stacks = rules.stacksWith(rule.trigger().name(), rule.group(), rule.id());
            redirect.addFlashAttribute("message", "\"" + rule.name() + "\" is active: it earns from the next event on."
                    + (stacks.isEmpty() ? "" : " It stacks with " + String.join(", ", stacks)
                            + ": an event earns from all of them."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/loyalty/rules/" + id;
    }

    @PostMapping("/loyalty/rules/{id}/retire")
    String retire(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        RewardRule rule = rules.retire(id, principal.getName());
        redirect.addFlashAttribute("message", "\"" + rule.name() + "\" is retired: it earns nothing from now on.");
        return "redirect:/loyalty/rules/" + id;
    }

    /** The rule editor; the form object ({@code draft}) and its errors are in the model already. */
    private String form(Model model, @Nullable RewardRule existing, RulePreview.@Nullable Result result) {
        model.addAttribute("rule", existing);
        model.addAttribute("stacks", stacking(model.getAttribute("draft") instanceof RuleForm f ? f : null, existing));
        Map<Long, String> exampleNames = new HashMap<>();
        if (result != null) {
            result.examples().forEach(e -> exampleNames.put(e.customerId(), customers.get(e.customerId())
                    .displayName()));
        }
        model.addAttribute("exampleNames", exampleNames);
        model.addAttribute("preview", result);
        model.addAttribute("summary", existing == null ? null : summary(existing));
        model.addAttribute("versions", existing == null ? List.of() : rules.versions(existing.id()));
        model.addAttribute("audit", existing == null ? List.of() : rules.audit(existing.id(), 20, null).items());
        model.addAttribute("triggers", Trigger.values());
        model.addAttribute("effects", EffectKind.values());
        model.addAttribute("periods", LimitPeriod.values());
        model.addAttribute("roles", ReferralRole.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("tiers", tiers.current().all());
        model.addAttribute("segments", CustomerValues.segmentNames());
        model.addAttribute("rewards", rewards.list());
        model.addAttribute("currency", base().currency().getCurrencyCode());
        return "loyalty/rule";
    }

    /** The active rules the one on the form would stack with (same trigger, no shared group). */
    private List<String> stacking(@Nullable RuleForm form, @Nullable RewardRule existing) {
        if (form == null || form.trigger() == null) {
            return List.of();
        }
        String trigger = form.trigger().strip().toUpperCase(java.util.Locale.ROOT);
        if (java.util.Arrays.stream(Trigger.values()).noneMatch(t -> t.name().equals(trigger))) {
            return List.of();
        }
        String group = form.group() == null || form.group().isBlank() ? null : form.group().strip();
        return rules.stacksWith(trigger, group, existing == null ? null : existing.id());
    }

    /** Retires the ticked rules at once, all or none. */
    @PostMapping("/loyalty/rules/retire")
    String retireAll(@RequestParam(name = "ids", required = false) @Nullable List<Long> ids, Principal principal,
            RedirectAttributes redirect) {
        try {
            int n = rules.retireAll(ids == null ? List.of() : ids, principal.getName());
            redirect.addFlashAttribute("message", "Retired " + n + " rule(s): they earn nothing from now on.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Nothing was retired: " + e.errors().get(0).message() + ".");
        } catch (io.trinity.shared.NotFoundException e) {
            redirect.addFlashAttribute("problem", "Nothing was retired: " + e.getMessage() + ".");
        }
        return "redirect:/loyalty";
    }

    static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        return byField;
    }

    /** The add-a-reward form, all text so that whatever was typed comes back after an error. */
    record RewardForm(@Nullable String name, @Nullable String kind, @Nullable String description,
            @Nullable String pointsPrice, @Nullable String stock, @Nullable String credit,
            @Nullable String creditCurrency) {

        static final RewardForm EMPTY = new RewardForm(null, "GIFT", null, null, null, null, "USD");

        static RewardForm of(io.trinity.loyalty.RewardView w) {
            return new RewardForm(w.name(), w.kind(), w.description(), Long.toString(w.pointsPrice()),
                    w.stock() == null ? null : w.stock().toString(),
                    credit(w), w.creditCurrency() == null ? "USD" : w.creditCurrency());
        }

        /** A store credit's amount as typed in the form (20.00), or null for other kinds. */
        static @Nullable String credit(io.trinity.loyalty.RewardView w) {
            return w.creditMinor() == null || w.creditCurrency() == null ? null
                    : java.math.BigDecimal.valueOf(w.creditMinor(), java.util.Currency.getInstance(w.creditCurrency())
                            .getDefaultFractionDigits()).toPlainString();
        }
    }

    @GetMapping("/loyalty/rewards")
    String rewards(@RequestParam(required = false) @Nullable Long edit, Model model) {
        model.addAttribute("rewards", rewards.list());
        io.trinity.loyalty.RewardView editing = edit == null ? null : rewards.get(edit);
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("rewardForm")) {
            model.addAttribute("rewardForm", editing == null ? RewardForm.EMPTY : RewardForm.of(editing));
        }
        return "loyalty/rewards";
    }

    /** Edits a reward of the catalogue; what was typed comes back after an error. */
    @PostMapping("/loyalty/rewards/{id}")
    String editReward(@PathVariable long id, @ModelAttribute("rewardForm") RewardForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var current = rewards.get(id);
        Long price = number(form.pointsPrice(), "pointsPrice", result);
        Long units = number(form.stock(), "stock", result);
        if (!result.hasErrors()) {
            try {
                var reward = rewards.update(id, new Rewards.RewardDraft(form.name(), form.kind(), form.description(),
                        price, units == null ? null : Math.toIntExact(units), form.credit(), form.creditCurrency(),
                        current.active()));
                redirect.addFlashAttribute("message", "Saved \"" + reward.name() + "\".");
                return "redirect:/loyalty/rewards#reward-" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e.errors());
            }
        }
        return rewards(id, model);
    }

    /** Retires a reward (members can no longer redeem it; past redemptions stay) or offers it again. */
    @PostMapping("/loyalty/rewards/{id}/active")
    String rewardActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        var w = rewards.get(id);
        rewards.update(id, new Rewards.RewardDraft(w.name(), w.kind(), w.description(), w.pointsPrice(), w.stock(),
                RewardForm.credit(w), w.creditCurrency(), active));
        redirect.addFlashAttribute("message", active ? "\"" + w.name() + "\" is offered again."
                : "\"" + w.name() + "\" is retired: members can no longer redeem it.");
        return "redirect:/loyalty/rewards#reward-" + id;
    }

    @PostMapping("/loyalty/rewards")
    String addReward(@ModelAttribute("rewardForm") RewardForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Long price = number(form.pointsPrice(), "pointsPrice", result);
        Long units = number(form.stock(), "stock", result);
        if (!result.hasErrors()) {
            try {
                var reward = rewards.create(new Rewards.RewardDraft(form.name(), form.kind(), form.description(),
                        price, units == null ? null : Math.toIntExact(units), form.credit(), form.creditCurrency(),
                        true));
                redirect.addFlashAttribute("message", "Added \"" + reward.name() + "\" to the catalogue.");
                return "redirect:/loyalty/rewards";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e.errors());
            }
        }
        return rewards(null, model);
    }

    private static @Nullable Long number(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + value.strip() + "' is not a whole number");
            return null;
        }
    }

    private static @Nullable Long number(@Nullable String value, String field, BindingResult result) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            result.rejectValue(field, "invalid", "'" + value.strip() + "' is not a whole number");
            return null;
        }
    }

    /** The earning ceilings as the tiers page edits them. */
    record CeilingForm(@NotNull(message = "Give the most points one event may earn.")
            @Min(value = 1, message = "Must be at least 1.") @Max(value = 1_000_000_000, message = "Too large.") Long perEvent,
            @NotNull(message = "Give the most points a customer may earn in a day.")
            @Min(value = 1, message = "Must be at least 1.") @Max(value = 1_000_000_000, message = "Too large.") Long perDay) {
    }

    @PostMapping("/loyalty/ceilings")
    String saveCeilings(@Valid @ModelAttribute("ceilingForm") CeilingForm form, BindingResult result, Model model,
            Principal principal, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ceilings.change(form.perEvent(), form.perDay(), principal.getName());
                redirect.addFlashAttribute("message", "Earning ceilings saved; they apply to every event from now.");
                return "redirect:/loyalty/tiers";
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> result.rejectValue(f.field(), "invalid", f.message()));
            }
        }
        return tiers(model);
    }

    @GetMapping("/loyalty/tiers")
    String tiers(Model model) {
        model.addAttribute("tiers", tiers.current().all());
        if (!model.containsAttribute("ceilingForm")) {
            EarningCeilings.Settings current = ceilings.current();
            model.addAttribute("ceilingForm", new CeilingForm(current.perEvent(), current.perDay()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "loyalty/tiers";
    }

    @PostMapping("/loyalty/tiers")
    String saveTiers(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Tier> changes = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Tier tier : tiers.current().all()) {
            String threshold = form.getOrDefault(tier.code() + ".threshold", "");
            Long points = number(threshold, tier.code() + ".threshold", errors);
            changes.put(tier.code(), new Tier(tier.code(), form.getOrDefault(tier.code() + ".name", ""),
                    points == null ? -1 : points, tier.rank()));
        }
        try {
            if (errors.isEmpty()) {
                tiers.update(changes);
                redirect.addFlashAttribute("message", "Tiers saved; members move as they next earn, and all of them"
                        + " on the nightly pass.");
                return "redirect:/loyalty/tiers";
            }
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        }
        model.addAttribute("errors", errors);
        return tiers(model);
    }

    @GetMapping("/loyalty/members/{id}")
    String member(@PathVariable long id, @RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("loyalty", accounts.summary(id));
        model.addAttribute("ledger", accounts.entries(id, 50, after));
        model.addAttribute("tierChanges", accounts.tierChanges(id));
        if (!model.containsAttribute("adjustmentForm")) {
            model.addAttribute("adjustmentForm", new AdjustmentForm(null, null));
        }
        return "loyalty/member";
    }

    /** A manual adjustment: points (+ or −) and the reason, kept as typed after an error. */
    record AdjustmentForm(@Nullable String points, @Nullable String reason) {
    }

    @PostMapping("/loyalty/members/{id}/adjustments")
    String adjust(@PathVariable long id, @ModelAttribute("adjustmentForm") AdjustmentForm form,
            BindingResult result, Principal principal, Model model, RedirectAttributes redirect) {
        Long value = number(form.points(), "points", result);
        if (value == null && !result.hasFieldErrors("points")) {
            result.rejectValue("points", "required", "is required");
        }
        if (!result.hasErrors()) {
            try {
                accounts.adjust(id, value, form.reason(), principal.getName());
                redirect.addFlashAttribute("message", "Adjusted by " + value + " points.");
                return "redirect:/loyalty/members/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e.errors());
            }
        }
        return member(id, null, model);
    }

    @GetMapping("/loyalty/audit")
    String audit(@RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("page", rules.audit(null, 50, after));
        return "loyalty/audit";
    }
}
