package io.trinity.web.scoring;

import io.trinity.scoring.run.CustomerValues;
import io.trinity.scoring.run.RunInProgressException;
import io.trinity.scoring.run.ScoringRuns;
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
    private final io.trinity.scoring.run.ScoringWeights weights;

    ScoringConsoleController(ScoringRuns runs, io.trinity.scoring.run.ScoringWeights weights) {
        this.runs = runs;
        this.weights = weights;
    }

    @GetMapping("/scoring")
    String scoring(Model model) {
        model.addAttribute("run", runs.latest().orElse(null));
        model.addAttribute("weights", weights.current());
        model.addAttribute("weightHistory", weights.history());
        model.addAttribute("segmentRules", CustomerValues.segmentRules());
        return "scoring/runs";
    }

    @PostMapping("/scoring/weights")
    String changeWeights(@org.springframework.web.bind.annotation.RequestParam(required = false) String transaction,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String relationship,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String influence,
            Principal principal, RedirectAttributes redirect) {
        try {
            var changed = weights.change(new io.trinity.scoring.value.CombinedWeights(Double.parseDouble(transaction),
                    Double.parseDouble(relationship), Double.parseDouble(influence)), principal.getName());
            redirect.addFlashAttribute("message", "Weights version " + changed.version()
                    + " saved; the next scoring run uses them.");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("message", "Weights not saved: give three non-negative numbers, not all zero.");
        }
        return "redirect:/scoring";
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
