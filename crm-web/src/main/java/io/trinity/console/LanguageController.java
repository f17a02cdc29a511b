package io.trinity.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language menu: the choice is kept for the session and on the account, and the same page comes back. */
@Controller
class LanguageController {

    private final LocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @PostMapping("/account/language")
    String choose(@RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String back, HttpServletRequest request,
            HttpServletResponse response) {
        Locale wanted = lang == null || lang.isBlank() || lang.equals("browser") ? null : Locale.forLanguageTag(lang);
        locales.setLocale(request, response, wanted);
        return "redirect:" + sameSite(back);
    }

    /** Only a path of this console goes back; anything else (another site, a scheme) goes home. */
    static String sameSite(@Nullable String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
