package io.trinity.web.scoring;

import io.trinity.core.shared.InvalidInputException;
import io.trinity.core.shared.Page;
import io.trinity.scoring.run.CustomerValues;
import io.trinity.scoring.run.RunInProgressException;
import io.trinity.scoring.run.ScoringRuns;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The marketer's ranked dashboard (customers by combined value, by segment) and the scoring page, where a run is
 * started and its progress followed.
 */
@Controller
class ScoringConsoleController {

    private final CustomerValues values;
    private final ScoringRuns runs;

    ScoringConsoleController(CustomerValues values, ScoringRuns runs) {
        this.values = values;
        this.runs = runs;
    }

    @GetMapping("/marketing")
    String dashboard(@RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String after, Model model) {
        String chosen = segment == null || segment.isBlank() ? null : segment;
        model.addAttribute("segment", chosen);
        model.addAttribute("after", after);
        model.addAttribute("segments", values.segmentSizes());
        model.addAttribute("rules", CustomerValues.segmentRules());
        model.addAttribute("movements", values.movements());
        model.addAttribute("run", runs.currentRunId().isPresent()
                ? runs.find(runs.currentRunId().getAsLong()).orElse(null) : null);
        try {
            model.addAttribute("page", values.ranked(chosen, 25, after));
        } catch (InvalidInputException e) {
            model.addAttribute("page", new Page<CustomerValues.Ranked>(List.of(), null));
            model.addAttribute("error", e.errors().get(0).message());
        }
        return "scoring/dashboard";
    }

    @GetMapping("/scoring")
    String scoring(Model model) {
        model.addAttribute("run", runs.latest().orElse(null));
        return "scoring/runs";
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
