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
