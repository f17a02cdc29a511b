package io.trinity.marketing.web;

import io.trinity.loyalty.RewardRules;
import io.trinity.loyalty.TierLadder;
import io.trinity.shared.FieldError;
import io.trinity.api.FormErrors;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
import io.trinity.marketing.Audience;
import io.trinity.marketing.AudienceFilter;
import io.trinity.marketing.AudienceMember;
import io.trinity.marketing.Audiences;
import io.trinity.marketing.Campaigns;
import io.trinity.marketing.MarketingStats;
import io.trinity.scoring.ScoringRuns;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketer's dashboard: customers ranked by combined value or by one axis, filtered, keyset-paged, with
 * charts of the current run; saving a filtered list as an audience, exporting it (consent respected) and
 * running campaigns against a holdout.
 */
@Controller
class MarketingConsoleController {

    static final int PAGE = 25;

    private final Audiences audiences;
    private final Campaigns campaigns;
    private final MarketingStats stats;
    private final ScoringRuns runs;
    private final TierLadder tiers;
    private final RewardRules rules;
    private final JsonMapper json;
    private final io.trinity.scoring.SegmentRuleBook segmentBook;

    MarketingConsoleController(Audiences audiences, Campaigns campaigns, MarketingStats stats, ScoringRuns runs,
            TierLadder tiers, RewardRules rules, JsonMapper json, io.trinity.scoring.SegmentRuleBook segmentBook) {
        this.segmentBook = segmentBook;
        this.audiences = audiences;
        this.campaigns = campaigns;
        this.stats = stats;
        this.runs = runs;
        this.tiers = tiers;
        this.rules = rules;
        this.json = json;
    }

    static Map<String, String> filterParams(Map<String, String> all) {
        Map<String, String> params = new LinkedHashMap<>(all);
        params.remove("after");
        params.remove("_csrf");
        params.remove("name");
        return params;
    }

    @GetMapping("/marketing")
    String dashboard(@RequestParam Map<String, String> params, Model model) {
        String after = params.get("after");
        AudienceFilter filter = AudienceFilter.ALL;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            filter = AudienceFilter.parse(filterParams(params));
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.put(f.field(), f.message()));
        }
        Page<AudienceMember> page = new Page<>(List.of(), null);
        if (errors.isEmpty()) {
            try {
                page = audiences.browse(filter, PAGE, after);
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("params", filterParams(params));
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("after", after);
        model.addAttribute("query", query(filter));
        model.addAttribute("noConsentQuery", query(filter.withConsent(false)));
        model.addAttribute("sorts", AudienceFilter.SORTS);
        List<Audience> saved = audiences.list();
        model.addAttribute("listAudiences", saved.stream().filter(x -> x.filter().ids() != null).limit(50).toList());
        // Saved views: the team's audiences, one click back to their filters (at most 12, the newest first).
        model.addAttribute("views", saved.stream().limit(12).map(a -> Map.of("name", a.name(),
                "query", query(a.filter()), "describe", a.filter().describe())).toList());
        MarketingStats.Stats figures = stats.current();
        model.addAttribute("segments", figures == null ? Map.of() : figures.segmentSizes());
        model.addAttribute("segmentRules", segmentBook.current().rules());
        model.addAttribute("tiers", tiers.current().all());
        model.addAttribute("movements", figures == null ? List.of() : figures.movements());
        model.addAttribute("run", runs.currentRunId().isPresent()
                ? runs.find(runs.currentRunId().getAsLong()).orElse(null) : null);
        if (filter.everyone() || !errors.isEmpty()) {
            model.addAttribute("charts", figures == null ? Map.of() : charts(filter, figures.segmentSizes(),
                    figures.distributions(), figures.matrix()));
        } else {
            model.addAttribute("charts", Map.of());
            model.addAttribute("chartsUrl", "/marketing/charts?" + query(filter));
        }
        return "marketing/dashboard";
    }

    /**
     * How many customers match, counted up to 10,000: loaded by htmx after the page, so a filter that is costly to
     * count never slows the list itself.
     */
    @GetMapping("/marketing/count")
    @org.springframework.web.bind.annotation.ResponseBody
    String count(@RequestParam Map<String, String> params) {
        try {
            return audiences.countLabel(AudienceFilter.parse(filterParams(params)));
        } catch (InvalidInputException e) {
            return "—";
        }
    }

    /** The filter as a query string (without the leading '?'), for paging, export and saving links. */
    static String query(AudienceFilter filter) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        filter.toParams().forEach(b::queryParam);
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    /** Colours of the segments, in the order of the segment rules (the same segment always has the same one). */
    static final List<String> SEGMENT_COLOURS = List.of("#1f3a4d", "#3d7ea6", "#76b041", "#f2a541", "#e4572e",
            "#8e6c8a", "#6bb4c9", "#a0a0a0", "#5c946e", "#c9a227");

    /**
     * The dashboard's charts as JSON for charts.js: segment bars (counts in the labels, a click filters the table
     * to the segment), the score distribution of the run, and the TRInity matrix (a point per sampled customer,
     * coloured by segment, named in the tooltip, opening the profile on a click, with the segment rules'
     * thresholds drawn as lines).
     */
    private Map<String, String> charts(AudienceFilter filter, Map<String, Long> sizes,
            @Nullable Map<String, long[]> distributions, List<MarketingStats.Point> sample) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<String> order = segmentBook.current().rules().stream().map(io.trinity.scoring.SegmentRule::name)
                .toList();
        List<String> labels = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        sizes.forEach((segment, count) -> {
            labels.add(segment + " (" + String.format("%,d", count) + ")");
            links.add("/marketing?" + query(filter.withSegment(segment)));
            colours.add(colour(order, segment));
        });
        if (!sizes.isEmpty()) {
            charts.put("segments", json.writeValueAsString(Map.of("type", "bar", "labels", labels,
                    "datasets", List.of(Map.of("label", "customers", "data", new ArrayList<>(sizes.values()),
                            "colors", colours)), "links", links, "yLabel", "customers")));
        }
        if (distributions != null) {
            List<String> bands = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                bands.add(i * 10 + "–" + (i * 10 + 10));
            }
            List<Map<String, Object>> dist = new ArrayList<>();
            distributions.forEach((name, counts) -> dist.add(Map.of("label", name, "data", counts)));
            charts.put("distribution", json.writeValueAsString(Map.of("type", "line", "labels", bands,
                    "datasets", dist, "xLabel", "score", "yLabel", "customers")));
        }
        Map<String, List<Map<String, Object>>> bySegment = new LinkedHashMap<>();
        order.forEach(name -> bySegment.put(name, new ArrayList<>()));
        for (MarketingStats.Point p : sample) {
            bySegment.computeIfAbsent(p.segment(), k -> new ArrayList<>()).add(Map.of("x", round(p.transaction()),
                    "y", round(p.influence()), "r", Math.max(2, round(p.relationship() / 10)), "name", p.name(),
                    "href", "/customers/" + p.customerId()));
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        bySegment.forEach((segment, points) -> {
            if (!points.isEmpty()) {
                datasets.add(Map.of("label", segment, "data", points, "color", colour(order, segment)));
            }
        });
        List<Map<String, Object>> lines = new ArrayList<>();
        for (var rule : segmentBook.current().rules()) {
            for (var c : rule.conditions()) {
                String axis = switch (c.metric()) {
                    case TRANSACTION -> "x";
                    case INFLUENCE -> "y";
                    default -> null;
                };
                if (axis != null && lines.stream().noneMatch(l -> l.get("axis").equals(axis)
                        && ((Double) l.get("value")) == c.value())) {
                    lines.add(Map.of("axis", axis, "value", c.value(), "label", rule.name() + ": " + c));
                }
            }
        }
        charts.put("matrix", json.writeValueAsString(Map.of("type", "bubble", "labels", List.of(), "datasets",
                datasets, "lines", lines, "xLabel", "transaction", "yLabel", "influence", "max", 100)));
        return charts;
    }

    private static String colour(List<String> order, String segment) {
        int i = order.indexOf(segment);
        return SEGMENT_COLOURS.get((i < 0 ? Math.abs(segment.hashCode()) : i) % SEGMENT_COLOURS.size());
    }

    /** The charts for a filtered list, loaded after the page (a broad filter's counts never slow the table). */
    @GetMapping("/marketing/charts")
    String filteredCharts(@RequestParam Map<String, String> params, Model model) {
        AudienceFilter filter;
        try {
            filter = AudienceFilter.parse(filterParams(params));
        } catch (InvalidInputException e) {
            filter = AudienceFilter.ALL;
        }
        MarketingStats.Stats figures = stats.current();
        // A list of one segment needs no segment bars (one bar, the count above it): only the matrix is drawn, and
        // the costly part of a selective filter (finding 10,000 matches) is not paid twice with the count.
        Map<String, Long> counts = figures == null || filter.segment() != null ? Map.of()
                : audiences.segmentCounts(filter);
        model.addAttribute("charts", figures == null ? Map.of() : charts(filter, counts, null,
                audiences.sample(filter, MarketingStats.SAMPLE)));
        model.addAttribute("filtered", true);
        model.addAttribute("capped", counts.values().stream().mapToLong(Long::longValue).sum() >= Audiences.COUNT_CAP);
        return "marketing/dashboard :: charts";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @GetMapping(value = "/marketing/export", produces = "text/csv")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        AudienceFilter filter = AudienceFilter.parse(filterParams(params));
        // The counts go in the file name (and a header), not in a comment line that spreadsheets read as a row.
        Audiences.Exported counted = audiences.exportCounts(filter);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audience-" + LocalDate.now(ZoneOffset.UTC)
                + "-" + counted.rows() + "-customers-" + counted.withoutConsent() + "-without-consent.csv\"");
        response.setHeader("X-Trinity-Consent", counted.withoutConsent()
                + " customers without marketing consent are left out");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // a byte-order mark: Excel then reads UTF-8 (Nygård, Tromsø) instead of guessing
        audiences.export(filter, out);
        out.flush();
    }

    @PostMapping("/marketing/audiences")
    String saveAudience(@RequestParam Map<String, String> params, Principal principal, RedirectAttributes redirect) {
        try {
            Audience saved = audiences.save(params.get("name"), AudienceFilter.parse(filterParams(params)),
                    principal.getName());
            redirect.addFlashAttribute("message", "Saved the audience \"" + saved.name() + "\".");
            return "redirect:/marketing/audiences";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Not saved: " + e.errors().stream()
                    .map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            return "redirect:/marketing?" + query(safeFilter(params));
        }
    }

    private static AudienceFilter safeFilter(Map<String, String> params) {
        try {
            return AudienceFilter.parse(filterParams(params));
        } catch (InvalidInputException e) {
            return AudienceFilter.ALL;
        }
    }

    @GetMapping("/marketing/audiences")
    String audiences(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Audience a : audiences.list()) {
            rows.add(Map.of("audience", a, "query", query(a.filter()), "count", audiences.countLabel(a.filter())));
        }
        model.addAttribute("audiences", rows);
        return "marketing/audiences";
    }

    /** The ticked customers of the dashboard as a new audience, or added to an audience of chosen customers. */
    @PostMapping("/marketing/audiences/chosen")
    String chosen(@RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
            @RequestParam(defaultValue = "new") String action, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable Long audienceId, Principal principal,
            RedirectAttributes redirect) {
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "tick at least one customer");
            }
            Audience saved = action.equals("add") && audienceId != null ? audiences.addMembers(audienceId, ids)
                    : audiences.save(name, AudienceFilter.of(ids), principal.getName());
            redirect.addFlashAttribute("message", (action.equals("add") ? "Added to" : "Saved") + " the audience \""
                    + saved.name() + "\": " + saved.filter().ids().size() + " chosen customer(s).");
            return "redirect:/marketing/audiences#audience-" + saved.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Not saved: " + e.errors().get(0).message() + ".");
            return "redirect:/marketing";
        }
    }

    @PostMapping("/marketing/audiences/{id}/rename")
    String renameAudience(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        try {
            Audience renamed = audiences.rename(id, name);
            redirect.addFlashAttribute("message", "Renamed to \"" + renamed.name() + "\".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Not renamed: the name " + e.errors().get(0).message() + ".");
        }
        return "redirect:/marketing/audiences#audience-" + id;
    }

    @PostMapping("/marketing/audiences/{id}/delete")
    String deleteAudience(@PathVariable long id, RedirectAttributes redirect) {
        String name = audiences.get(id).name();
        try {
            audiences.delete(id);
            redirect.addFlashAttribute("message", "Deleted the audience \"" + name + "\".");
        } catch (io.trinity.shared.ConflictException e) {
            redirect.addFlashAttribute("problem", "Not deleted: " + e.getMessage() + ".");
        }
        return "redirect:/marketing/audiences";
    }

    /** The new-campaign form; everything typed comes back after an error. */
    record CampaignForm(@Nullable String name, @Nullable Long audienceId, @Nullable String channel,
            @Nullable String message, @Nullable Long offerRuleId, @Nullable String holdoutPercent,
            @Nullable String startsAt, @Nullable String endsAt) {

        static final CampaignForm EMPTY = new CampaignForm(null, null, "EMAIL", null, null, "10", null, null);
    }

    @GetMapping("/marketing/campaigns")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        model.addAttribute("audiences", audiences.list());
        model.addAttribute("offers", rules.list());
        if (!model.containsAttribute("campaignForm")) {
            model.addAttribute("campaignForm", CampaignForm.EMPTY);
        }
        return "marketing/campaigns";
    }

    @PostMapping("/marketing/campaigns")
    String createCampaign(@ModelAttribute("campaignForm") CampaignForm form, BindingResult result,
            Principal principal, Model model, RedirectAttributes redirect) {
        Integer holdout = null;
        if (form.holdoutPercent() != null && !form.holdoutPercent().isBlank()) {
            try {
                holdout = Integer.valueOf(form.holdoutPercent().strip());
            } catch (NumberFormatException e) {
                result.rejectValue("holdoutPercent", "invalid", "a whole number from 0 to 50");
            }
        }
        if (!result.hasErrors()) {
            try {
                var c = campaigns.create(form.name(), form.audienceId(), form.channel(), form.message(),
                        form.offerRuleId(), holdout, form.startsAt(), form.endsAt(), principal.getName());
                redirect.addFlashAttribute("message", "Created the campaign \"" + c.name()
                        + "\". Launch it when ready.");
                return "redirect:/marketing/campaigns/" + c.id();
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e.errors());
            }
        }
        return campaigns(model);
    }

    @GetMapping("/marketing/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        var campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        var audience = audiences.get(campaign.audienceId());
        model.addAttribute("audience", audience);
        model.addAttribute("results", campaign.status().equals("LAUNCHED") ? campaigns.results(id) : null);
        if (campaign.status().equals("LAUNCHED")) {
            var curve = campaigns.responseOverTime(id);
            model.addAttribute("responseChart", json.writeValueAsString(Map.of("type", "line",
                    "labels", curve.days().stream().map(Object::toString).toList(),
                    "datasets", List.of(Map.of("label", "contacted", "data", curve.contacted(), "color", "#1f3a4d"),
                            Map.of("label", "holdout", "data", curve.holdout(), "color", "#f2a541")),
                    "xLabel", "day", "yLabel", "% responded")));
        }
        if (campaign.status().equals("DRAFT")) {
            // The reach a launch will have, shown before it happens: consenting members split exactly as the
            // launch will split them, and the members consent leaves out.
            var counts = audiences.exportCounts(audience.filter());
            long held = io.trinity.marketing.HoldoutSplit.size(counts.rows(), campaign.holdoutPercent());
            model.addAttribute("reach", Map.of("consenting", counts.rows(), "contacted", counts.rows() - held,
                    "holdout", held, "withoutConsent", counts.withoutConsent()));
        }
        return "marketing/campaign";
    }

    @PostMapping("/marketing/campaigns/{id}/launch")
    String launch(@PathVariable long id, RedirectAttributes redirect) {
        try {
            long targeted = campaigns.launch(id);
            redirect.addFlashAttribute("message", "Launched to " + targeted + " consenting customers (holdout included).");
        } catch (io.trinity.shared.ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/marketing/campaigns/" + id;
    }
}
