package io.trinity.web.console;

import io.trinity.core.overview.Overview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in and the overview every team lands on. */
@Controller
class ConsoleController {

    private final Overview overview;

    ConsoleController(Overview overview) {
        this.overview = overview;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("figures", overview.figures());
        return "home";
    }
}
