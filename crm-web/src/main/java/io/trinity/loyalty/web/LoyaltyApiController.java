package io.trinity.loyalty.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.customer.CustomerService;
import io.trinity.scoring.ExchangeRates;
import io.trinity.loyalty.EarningCeilings;
import io.trinity.loyalty.LedgerEntry;
import io.trinity.loyalty.LoyaltyAccounts;
import io.trinity.loyalty.LoyaltySummary;
import io.trinity.loyalty.Referrals;
import io.trinity.loyalty.ReferralView;
import io.trinity.loyalty.RewardRules;
import io.trinity.loyalty.RewardView;
import io.trinity.loyalty.Rewards;
import io.trinity.loyalty.RuleAuditEntry;
import io.trinity.loyalty.RulePreview;
import io.trinity.loyalty.Tier;
import io.trinity.loyalty.TierLadder;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.net.URI;
import io.trinity.staff.Role;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Loyalty over the API: rules (CRUD, activate, retire, preview), rewards, tiers, members, referrals. */
@RestController
@RequestMapping("/api/v1")
class LoyaltyApiController {

    private final RewardRules rules;
    private final RulePreview preview;
    private final Rewards rewards;
    private final TierLadder tiers;
    private final EarningCeilings ceilings;
    private final LoyaltyAccounts accounts;
    private final Referrals referrals;
    private final CustomerService customers;
    private final ExchangeRates rates;

    LoyaltyApiController(RewardRules rules, RulePreview preview, Rewards rewards, TierLadder tiers,
            LoyaltyAccounts accounts, Referrals referrals, CustomerService customers,
            ExchangeRates rates, EarningCeilings ceilings) {
        this.ceilings = ceilings;
        this.rules = rules;
        this.preview = preview;
        this.rewards = rewards;
        this.tiers = tiers;
        this.accounts = accounts;
        this.referrals = referrals;
        this.customers = customers;
        this.rates = rates;
    }

    private ExchangeRates base() {
        return rates;
    }

    private RuleJson.Response json(io.trinity.loyalty.RewardRule rule) {
        return RuleJson.Response.of(rule, base().currency().getDefaultFractionDigits(),
                base().currency().getCurrencyCode());
    }

    private static RuleJson.Request require(RuleJson.@Nullable Request body) {
        if (body == null) {
            throw new InvalidInputException("body", "a rule is required");
        }
        return body;
    }

    @GetMapping("/loyalty/rules")
    Map<String, Object> listRules() {
        return Map.of("items", rules.list().stream().map(l -> json(l.rule())).toList());
    }

    @PostMapping("/loyalty/rules")
    ResponseEntity<RuleJson.Response> createRule(@RequestBody(required = false) RuleJson.@Nullable Request body,
            Principal principal) {
        var rule = rules.create(require(body).draft(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/loyalty/rules/" + rule.id())).body(json(rule));
    }

    @GetMapping("/loyalty/rules/{id}")
    RuleJson.Response rule(@PathVariable long id) {
        return json(rules.get(id));
    }

    @GetMapping("/loyalty/rules/{id}/versions")
    Map<String, Object> versions(@PathVariable long id) {
        rules.get(id);
        return Map.of("items", rules.versions(id).stream().map(this::json).toList());
    }

    /** An edit is a new version; an active rule stays active with it. */
    @PutMapping("/loyalty/rules/{id}")
    RuleJson.Response editRule(@PathVariable long id, @RequestBody(required = false) RuleJson.@Nullable Request body,
            Principal principal) {
        return json(rules.edit(id, require(body).draft(), principal.getName()));
    }

    @PostMapping("/loyalty/rules/{id}/activate")
    RuleJson.Response activate(@PathVariable long id, Principal principal) {
        return json(rules.activate(id, principal.getName()));
    }

    @PostMapping("/loyalty/rules/{id}/retire")
    RuleJson.Response retire(@PathVariable long id, Principal principal) {
        return json(rules.retire(id, principal.getName()));
    }

    /** Rules are never deleted (ledger entries name them): DELETE retires the rule. */
    @DeleteMapping("/loyalty/rules/{id}")
    RuleJson.Response delete(@PathVariable long id, Principal principal) {
        return json(rules.retire(id, principal.getName()));
    }

    @PostMapping("/loyalty/rules/{id}/preview")
    RulePreview.Result previewStored(@PathVariable long id) {
        return preview.preview(rules.get(id));
    }

    @PostMapping("/loyalty/rules/preview")
    RulePreview.Result previewDraft(@RequestBody(required = false) RuleJson.@Nullable Request body) {
        return preview.preview(rules.validate(require(body).draft()));
    }

    @GetMapping("/loyalty/audit")
    Page<RuleAuditEntry> audit(@RequestParam(required = false) @Nullable Long ruleId,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String after) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return rules.audit(ruleId, limit, after);
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RewardRequest(@Nullable String name, @Nullable String kind, @Nullable String description,
            @Nullable Long pointsPrice, @Nullable Integer stock, @Nullable String credit,
            @Nullable String creditCurrency, @Nullable Boolean active) {

        Rewards.RewardDraft draft() {
            return new Rewards.RewardDraft(name, kind, description, pointsPrice, stock, credit, creditCurrency, active);
        }
    }

    @GetMapping("/loyalty/rewards")
    Map<String, List<RewardView>> listRewards() {
        return Map.of("items", rewards.list());
    }

    @PostMapping("/loyalty/rewards")
    ResponseEntity<RewardView> createReward(@RequestBody RewardRequest body) {
        RewardView reward = rewards.create(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/loyalty/rewards/" + reward.id())).body(reward);
    }

    @PutMapping("/loyalty/rewards/{id}")
    RewardView updateReward(@PathVariable long id, @RequestBody RewardRequest body) {
        return rewards.update(id, body.draft());
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record CeilingRequest(@Nullable Long perEvent, @Nullable Long perDay) {
    }

    @GetMapping("/loyalty/ceilings")
    EarningCeilings.Settings ceilings() {
        return ceilings.current();
    }

    @PutMapping("/loyalty/ceilings")
    EarningCeilings.Settings changeCeilings(@RequestBody CeilingRequest body, Principal principal) {
        if (body.perEvent() == null || body.perDay() == null) {
            throw new InvalidInputException("perEvent", "give perEvent and perDay (points)");
        }
        return ceilings.change(body.perEvent(), body.perDay(), principal.getName());
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record TierRequest(@Nullable String code, @Nullable String name, @Nullable Long threshold) {
    }

    @GetMapping("/loyalty/tiers")
    Map<String, List<Tier>> listTiers() {
        return Map.of("items", tiers.current().all());
    }

    @PutMapping("/loyalty/tiers")
    Map<String, List<Tier>> updateTiers(@RequestBody List<TierRequest> body) {
        Map<String, Tier> changes = new LinkedHashMap<>();
        for (TierRequest t : body) {
            if (t == null || t.code() == null || t.threshold() == null) {
                throw new InvalidInputException("code", "each tier needs a code, a name and a threshold");
            }
            changes.put(t.code(), new Tier(t.code(), t.name() == null ? "" : t.name(), t.threshold(), 0));
        }
        return Map.of("items", tiers.update(changes).all());
    }

    private void requireCustomer(long id) {
        if (!customers.exists(id)) {
            throw new NotFoundException("no customer with id " + id);
        }
    }

    @GetMapping("/customers/{id}/loyalty")
    LoyaltySummary loyalty(@PathVariable long id) {
        requireCustomer(id);
        return accounts.summary(id);
    }

    @GetMapping("/customers/{id}/ledger")
    Page<LedgerEntry> ledger(@PathVariable long id, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String after) {
        requireCustomer(id);
        return accounts.entries(id, limit, after);
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record AdjustmentRequest(@Nullable Long points, @Nullable String reason) {
    }

    @PostMapping("/customers/{id}/ledger/adjustments")
    ResponseEntity<LedgerEntry> adjust(@PathVariable long id, @RequestBody AdjustmentRequest body,
            Principal principal) {
        requireCustomer(id);
        if (body.points() == null) {
            throw new InvalidInputException("points", "is required");
        }
        return ResponseEntity.status(201).body(accounts.adjust(id, body.points(), body.reason(), principal.getName()));
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RedemptionRequest(@Nullable Long rewardId) {
    }

    /** What an integration (a till, a web shop) learns of a redemption: not the member's balance. */
    record RedemptionForIntegration(long redemptionId, long rewardId, String rewardName, long points,
            @Nullable String code) {
    }

    @PostMapping("/customers/{id}/redemptions")
    ResponseEntity<?> redeem(@PathVariable long id, @RequestBody RedemptionRequest body,
            Authentication principal) {
        if (body.rewardId() == null) {
            throw new InvalidInputException("rewardId", "is required");
        }
        Rewards.Redeemed redeemed = rewards.redeem(id, body.rewardId(), principal.getName());
        java.util.Set<String> staffRoles = java.util.Arrays.stream(Role.values()).filter(r -> r != Role.INTEGRATION)
                .map(r -> "ROLE_" + r.name()).collect(java.util.stream.Collectors.toSet());
        boolean staff = principal.getAuthorities().stream().anyMatch(a -> staffRoles.contains(a.getAuthority()));
        return ResponseEntity.status(201).body(staff ? redeemed : new RedemptionForIntegration(
                redeemed.redemptionId(), redeemed.rewardId(), redeemed.rewardName(), redeemed.points(),
                redeemed.code()));
    }

    @PostMapping("/customers/{id}/referral-code")
    Map<String, Object> referralCode(@PathVariable long id) {
        return Map.of("customerId", id, "referralCode", referrals.codeFor(id));
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ReferralRequest(@Nullable String referralCode, @Nullable Long referrerCustomerId,
            @Nullable Long referredCustomerId) {
    }

    @PostMapping("/referrals")
    ResponseEntity<ReferralView> refer(@RequestBody ReferralRequest body) {
        ReferralView referral = referrals.register(body.referralCode(), body.referrerCustomerId(),
                body.referredCustomerId());
        return ResponseEntity.status(201).body(referral);
    }
}
