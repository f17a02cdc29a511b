package io.trinity.marketing;

import io.trinity.shared.Decimals;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.scoring.CustomerValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ranked list's filter, as the dashboard's query parameters spell it. Every value is checked; a bad one is
 * refused with its field rather than ignored.
 *
 * @param sort   combined (default), transaction, relationship or influence; highest first, ties by id
 * @param moved  only customers whose segment changed since the previous run
 * @param q      search: a name or e-mail that starts with it, or exactly this external id
 */
public record AudienceFilter(String sort, @Nullable String segment, @Nullable String tier, @Nullable String country,
        @Nullable String city, @Nullable String network, @Nullable Boolean consent, @Nullable Double minValue,
        @Nullable Double maxValue, boolean moved, @Nullable String q, @Nullable List<Long> ids) {

    /** The most customers a list audience (ticked one by one on the dashboard) holds. */
    public static final int MAX_IDS = 1_000;

    /** A filter without a list of chosen customers. */
    public AudienceFilter(String sort, @Nullable String segment, @Nullable String tier, @Nullable String country,
            @Nullable String city, @Nullable String network, @Nullable Boolean consent, @Nullable Double minValue,
            @Nullable Double maxValue, boolean moved, @Nullable String q) {
        this(sort, segment, tier, country, city, network, consent, minValue, maxValue, moved, q, null);
    }

    /** Customers chosen one by one (a list audience): everyone of them who is scored, by combined value. */
    public static AudienceFilter of(java.util.Collection<Long> customerIds) {
        List<Long> ids = customerIds.stream().distinct().sorted().toList();
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new InvalidInputException("ids", "choose from 1 to " + MAX_IDS + " customers");
        }
        return new AudienceFilter("combined", null, null, null, null, null, null, null, null, false, null, ids);
    }

    public static final List<String> SORTS = List.of("combined", "transaction", "relationship", "influence");
    public static final AudienceFilter ALL = new AudienceFilter("combined", null, null, null, null, null, null, null,
            null, false, null);

    public static AudienceFilter parse(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        String sort = value(params, "sort");
        sort = sort == null ? "combined" : sort.toLowerCase(Locale.ROOT);
        if (!SORTS.contains(sort)) {
            errors.add(new FieldError("sort", "must be one of " + String.join(", ", SORTS)));
        }
        String segment = value(params, "segment");
        if (segment != null && !CustomerValues.segmentNames().contains(segment)) {
            errors.add(new FieldError("segment", "'" + shorten(segment) + "' is not a segment"));
        }
        String tier = value(params, "tier");
        if (tier != null && !tier.toUpperCase(Locale.ROOT).matches("[A-Z][A-Z0-9_]{0,31}")) {
            errors.add(new FieldError("tier", "is not a tier code"));
        }
        String country = value(params, "country");
        if (country != null && !country.toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
            errors.add(new FieldError("country", "must be a two-letter country code (e.g. NO)"));
        }
        String city = value(params, "city");
        if (city != null && city.length() > 80) {
            errors.add(new FieldError("city", "must be at most 80 characters"));
        }
        String network = value(params, "network");
        if (network != null && !network.toLowerCase(Locale.ROOT).matches("[a-z][a-z0-9-]{0,29}")) {
            errors.add(new FieldError("network", "is not a network name"));
        }
        String consentText = value(params, "consent");
        Boolean consent = null;
        if (consentText != null) {
            switch (consentText.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "given" -> consent = true;
                case "false", "no", "missing" -> consent = false;
                default -> errors.add(new FieldError("consent", "must be given or missing"));
            }
        }
        Double min = number(params, "minValue", errors);
        Double max = number(params, "maxValue", errors);
        if (min != null && max != null && min > max) {
            errors.add(new FieldError("maxValue", "must not be below minValue"));
        }
        String moved = value(params, "moved");
        String q = value(params, "q");
        if (q != null && (q.length() > 80 || !io.trinity.shared.TextRules.isStorable(q, false))) {
            errors.add(new FieldError("q", "must be at most 80 characters"));
        }
        String idText = value(params, "ids");
        List<Long> ids = null;
        if (idText != null) {
            try {
                ids = java.util.Arrays.stream(idText.split(",")).map(String::strip).map(Long::parseLong)
                        .distinct().sorted().toList();
                if (ids.isEmpty() || ids.size() > MAX_IDS || ids.get(0) < 1) {
                    errors.add(new FieldError("ids", "must list 1 to " + MAX_IDS + " customer ids"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("ids", "must be customer ids separated by commas"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AudienceFilter(sort, segment, tier == null ? null : tier.toUpperCase(Locale.ROOT),
                country == null ? null : country.toUpperCase(Locale.ROOT), city,
                network == null ? null : network.toLowerCase(Locale.ROOT), consent, min, max,
                moved != null && (moved.equals("true") || moved.equals("on")), q, ids);
    }

    /** True when nothing narrows the list (only the sort order is chosen): every valued customer. */
    public boolean everyone() {
        return segment == null && tier == null && country == null && city == null && network == null
                && consent == null && minValue == null && maxValue == null && !moved && q == null && ids == null;
    }

    public AudienceFilter withSegment(@Nullable String name) {
        return new AudienceFilter(sort, name, tier, country, city, network, consent, minValue, maxValue, moved, q,
                ids);
    }

    /** The same filter, restricted to customers with or without marketing consent. */
    public AudienceFilter withConsent(boolean given) {
        return new AudienceFilter(sort, segment, tier, country, city, network, given, minValue, maxValue, moved, q,
                ids);
    }

    /** The filter as query parameters (only those set), for links, saved audiences and the export. */
    public Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!sort.equals("combined")) {
            p.put("sort", sort);
        }
        put(p, "segment", segment);
        put(p, "tier", tier);
        put(p, "country", country);
        put(p, "city", city);
        put(p, "network", network);
        put(p, "consent", consent == null ? null : consent ? "given" : "missing");
        put(p, "minValue", minValue == null ? null : trim(minValue));
        put(p, "maxValue", maxValue == null ? null : trim(maxValue));
        if (moved) {
            p.put("moved", "true");
        }
        put(p, "q", q);
        put(p, "ids", ids == null ? null : ids.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")));
        return p;
    }

    /** In words, for the saved audience list and the campaign page. */
    public String describe() {
        Map<String, String> p = toParams();
        if (p.isEmpty()) {
            return "everyone scored, by combined value";
        }
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k.equals("ids") ? ids.size() + " chosen customer(s)" : k + " " + v));
        return String.join(", ", parts);
    }

    private static void put(Map<String, String> p, String key, @Nullable String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static @Nullable String value(Map<String, String> params, String key) {
        String v = params.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static @Nullable Double number(Map<String, String> params, String key, List<FieldError> errors) {
        String v = value(params, key);
        if (v == null) {
            return null;
        }
        try {
            return Decimals.parseDouble(v, 0, 100);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(key, "'" + shorten(v) + "' is not a number between 0 and 100"));
            return null;
        }
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
