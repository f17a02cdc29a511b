package io.trinity.scoring.web;

import io.trinity.scoring.RunInProgressException;
import io.trinity.scoring.ScoringRuns;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring page: a run is started and its progress followed; admins change the combined-value weights (each
 * change a new version) and everyone sees the segment rules behind the segments.
 */
@Controller
class ScoringConsoleController {

    private final ScoringRuns runs;
    private final io.trinity.scoring.ScoringWeights weights;
    private final io.trinity.scoring.SegmentRuleBook segments;

    ScoringConsoleController(ScoringRuns runs, io.trinity.scoring.ScoringWeights weights,
            io.trinity.scoring.SegmentRuleBook segments) {
        this.runs = runs;
        this.weights = weights;
        this.segments = segments;
    }

    @GetMapping("/scoring")
    String scoring(Model model) {
        model.addAttribute("run", runs.latest().orElse(null));
        model.addAttribute("weights", weights.current());
        model.addAttribute("weightHistory", weights.history());
        model.addAttribute("segmentRules", segments.current());
        model.addAttribute("segmentHistory", segments.history());
        return "scoring/runs";
    }

    /** New thresholds for the segment rules: form fields {@code t.<rule>.<condition>}. */
    @PostMapping("/scoring/segments")
    String changeSegments(@org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> form,
            Principal principal, RedirectAttributes redirect) {
        var rules = segments.current().rules();
        java.util.List<java.util.List<Double>> thresholds = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < rules.size(); i++) {
                java.util.List<Double> values = new java.util.ArrayList<>();
                for (int k = 0; k < rules.get(i).conditions().size(); k++) {
                    String value = form.get("t." + i + "." + k);
                    values.add(value == null || value.isBlank() ? rules.get(i).conditions().get(k).value()
                            : io.trinity.shared.Decimals.parseDouble(value, 0, 36_500));
                }
                thresholds.add(values);
            }
            var changed = segments.change(thresholds, principal.getName());
            redirect.addFlashAttribute("message", "Segment rules version " + changed.version()
                    + " saved; the next scoring run uses them.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("message", "Segment rules not saved: every threshold must be a number.");
        } catch (io.trinity.shared.InvalidInputException e) {
            redirect.addFlashAttribute("message", "Segment rules not saved: " + e.errors().get(0).message() + ".");
        }
        return "redirect:/scoring";
    }

    @PostMapping("/scoring/weights")
    String changeWeights(@org.springframework.web.bind.annotation.RequestParam(required = false) String transaction,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String relationship,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String influence,
            Principal principal, RedirectAttributes redirect) {
        try {
            var changed = weights.change(new io.trinity.scoring.CombinedWeights(weight(transaction),
                    weight(relationship), weight(influence)), principal.getName());
            redirect.addFlashAttribute("message", "Weights version " + changed.version()
                    + " saved; the next scoring run uses them.");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("message", "Weights not saved: give three non-negative numbers, not all zero.");
        }
        return "redirect:/scoring";
    }

    private static double weight(@org.jspecify.annotations.Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing");
        }
        return io.trinity.shared.Decimals.parseDouble(value, 0, io.trinity.scoring.CombinedWeights.MAX);
    }

    /** The progress fragment htmx polls while a run is going. */
    @GetMapping("/scoring/progress")
    String progress(Model model) {
        model.addAttribute("run", runs.latest().orElse(null));
        return "scoring/runs :: progress";
    }

    @PostMapping("/scoring/runs")
    String start(Principal principal, RedirectAttributes redirect) {
        try {
            runs.start(null, principal.getName());
        } catch (RunInProgressException e) {
            redirect.addFlashAttribute("message", "Run " + e.runningId() + " is still running.");
        }
        return "redirect:/scoring";
    }
}
