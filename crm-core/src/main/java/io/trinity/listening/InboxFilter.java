package io.trinity.listening;

import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the PR inbox shows: by network, sentiment, minimum reach, handled or not, assignee. All optional. */
public record InboxFilter(@Nullable String network, @Nullable String sentiment, @Nullable Long minReach,
        @Nullable Boolean handled, @Nullable String assignee) {

    public static final InboxFilter ALL = new InboxFilter(null, null, null, null, null);
    static final Set<String> SENTIMENTS = Set.of("POSITIVE", "NEUTRAL", "NEGATIVE");

    /** Reads the console's query parameters; a bad value is refused with its field, never ignored. */
    public static InboxFilter parse(@Nullable String network, @Nullable String sentiment, @Nullable String minReach,
            @Nullable String handled, @Nullable String assignee) {
        List<FieldError> errors = new ArrayList<>();
        String n = blank(network) ? null : network.strip().toLowerCase(Locale.ROOT);
        if (n != null && !n.matches("[a-z][a-z0-9-]{0,29}")) {
            errors.add(new FieldError("network", "is not a network name"));
        }
        String s = blank(sentiment) ? null : sentiment.strip().toUpperCase(Locale.ROOT);
        if (s != null && !SENTIMENTS.contains(s)) {
            errors.add(new FieldError("sentiment", "must be positive, neutral or negative"));
        }
        Long reach = null;
        if (!blank(minReach)) {
            try {
                reach = Long.parseLong(minReach.strip());
                if (reach < 0) {
                    errors.add(new FieldError("minReach", "must not be negative"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("minReach", "is not a whole number"));
            }
        }
        Boolean h = blank(handled) || handled.strip().equalsIgnoreCase("all") ? null : switch (handled.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "handled" -> Boolean.TRUE;
            case "false", "no", "open" -> Boolean.FALSE;
            default -> {
                errors.add(new FieldError("handled", "must be all, handled or open"));
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new InboxFilter(n, s, reach, h, blank(assignee) ? null : assignee.strip());
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
