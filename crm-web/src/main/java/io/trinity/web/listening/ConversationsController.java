package io.trinity.web.listening;

import io.trinity.core.activity.ActivityQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The PR inbox: mentions, comments and reviews, newest first. */
@Controller
class ConversationsController {

    private final ActivityQueries activities;

    ConversationsController(ActivityQueries activities) {
        this.activities = activities;
    }

    @GetMapping("/pr/conversations")
    String conversations(@RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("after", after);
        model.addAttribute("page", activities.conversations(30, after));
        return "listening/conversations";
    }
}
