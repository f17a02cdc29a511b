package io.trinity.console;

import io.trinity.staff.StaffAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The console's languages, and which one a request gets: the language the person chose (remembered on their
 * account, so it follows them to another browser), else the browser's {@code Accept-Language}, else English.
 * Only shipped languages are ever chosen; a regional variant finds its language ("de-AT" is German, "no" and
 * "nn" are bokmål, any Chinese is Simplified Chinese).
 */
public class ConsoleLanguages extends SessionLocaleResolver {

    /** The shipped languages, in the order the language menu lists them. */
    public static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("nb"),
            Locale.forLanguageTag("es"), Locale.SIMPLIFIED_CHINESE);

    /** The session attribute naming the account whose saved language was looked up and not found. */
    static final String CHECKED = ConsoleLanguages.class.getName() + ".CHECKED";

    private final StaffAccounts accounts;

    public ConsoleLanguages(StaffAccounts accounts) {
        this.accounts = accounts;
        setDefaultLocaleFunction(this::defaultFor);
    }

    /** The shipped language closest to {@code requested}, or empty when none is. */
    public static Optional<Locale> shipped(@Nullable Locale requested) {
        if (requested == null || requested.getLanguage().isEmpty()) {
            return Optional.empty();
        }
        String language = requested.getLanguage();
        return switch (language) {
            case "en" -> Optional.of(Locale.ENGLISH);
            case "de" -> Optional.of(Locale.GERMAN);
            case "nb", "no", "nn" -> Optional.of(SHIPPED.get(2));
            case "es" -> Optional.of(SHIPPED.get(3));
            case "zh" -> Optional.of(Locale.SIMPLIFIED_CHINESE);
            default -> Optional.empty();
        };
    }

    /** Without a choice in this session: the account's saved language, else the browser's, else English. */
    private Locale defaultFor(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        HttpSession session = request.getSession(false);
        // Whose saved choice this session has already looked up (none found): the browser decides, no lookup.
        boolean looked = principal != null && session != null
                && principal.getName().equals(session.getAttribute(CHECKED));
        if (principal != null && !looked) {
            Optional<Locale> saved;
            try {
                saved = accounts.language(principal.getName()).map(Locale::forLanguageTag)
                        .flatMap(ConsoleLanguages::shipped);
            } catch (org.springframework.dao.DataAccessException
                    | org.springframework.transaction.TransactionException e) {
                saved = Optional.empty(); // the database is away: the page (an error page) speaks the browser's
            }
            if (saved.isPresent()) {
                // Remembered for the rest of the session (no lookup per request), where there is a session.
                if (session != null) {
                    super.setLocale(request, null, saved.get());
                }
                return saved.get();
            }
            if (session != null) {
                session.setAttribute(CHECKED, principal.getName());
            }
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            Optional<Locale> found = shipped(wanted);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Locale.ENGLISH;
    }

    /** A person's choice: a shipped language or nothing; remembered on their account too. */
    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
            @Nullable Locale locale) {
        Locale chosen = shipped(locale).orElse(null);
        super.setLocale(request, response, chosen);
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            accounts.setLanguage(principal.getName(), chosen == null ? null : chosen.toLanguageTag());
        }
    }
}
