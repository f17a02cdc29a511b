package io.trinity.duplicates.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jspecify.annotations.Nullable;

/**
 * Proposes customers for social accounts linked to nobody: the same handle (or nearly) on another network the customer
 * already uses, a handle that is the customer's e-mail local part or spells their name, the display name — each with
 * a weight in bits, summed as in Fellegi–Sunter. A display name is common and free to choose, so it only adds to a
 * handle's evidence and never proposes on its own; nothing is linked without a person's decision. Candidates come
 * from lookups by key, never from comparing every account with every customer. Plain Java.
 */
public final class IdentityMatcher {

    /** An account linked to nobody. */
    public record Account(long id, String network, @Nullable String handle, @Nullable String displayName) {
    }

    /** One piece of evidence for a proposal. */
    public record Reason(String evidence, double weight) {
    }

    /** A customer proposed for an account (by the record's position in the scanned list), best first per account. */
    public record Proposal(long accountId, int record, double score, List<Reason> reasons) {
    }

    /** Weights in bits: how much likelier the evidence is for the same person than for two. */
    static final double SAME_HANDLE = 14;
    static final double SIMILAR_HANDLE = 7;
    static final double EMAIL_LOCAL_PART = 11;
    static final double HANDLE_SPELLS_NAME = 6;
    static final double DISPLAY_NAME_UNIQUE = 5;
    static final double DISPLAY_NAME_COMMON = 1;
    static final double DISPLAY_NAME_CLOSE = 1.5;
    static final double DISPLAY_NAME_DIFFERENT = -4;

    /** Proposals need this much evidence (a handle spelling the name and a matching display name, at least). */
    public static final double THRESHOLD = 8;
    /** A key shared by more customers than this tells nobody apart ("info", "johnsmith"). */
    static final int MAX_KEY = 5;
    static final int PER_ACCOUNT = 3;

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private final Normalizer normalizer = new Normalizer();

    public List<Proposal> propose(List<MatchRecord> customers, List<Account> accounts) {
        Map<String, List<Integer>> byHandle = new HashMap<>();
        Map<String, List<Integer>> byLocalPart = new HashMap<>();
        Map<String, List<Integer>> bySpelling = new HashMap<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            MatchRecord c = customers.get(i);
            for (String handle : c.handles()) {
                add(byHandle, letters(handle.substring(handle.indexOf(':') + 1)), i);
            }
            if (c.email() != null) {
                add(byLocalPart, letters(Normalizer.localPart(c.email())), i);
            }
            for (String spelling : spellings(c)) {
                add(bySpelling, spelling, i);
            }
            String name = fullName(c.first(), c.last());
            if (name != null) {
                nameCounts.merge(name, 1, Integer::sum);
            }
        }
        List<Proposal> out = new ArrayList<>();
        for (Account account : accounts) {
            String handle = account.handle() == null ? null : letters(account.handle());
            if (handle == null || handle.length() < 4) {
                continue; // a display name alone never proposes
            }
            Set<Integer> candidates = new TreeSet<>();
            candidates.addAll(small(byHandle.get(handle)));
            candidates.addAll(small(byLocalPart.get(handle)));
            candidates.addAll(small(bySpelling.get(stripDigits(handle))));
            List<Proposal> found = new ArrayList<>();
            for (int i : candidates) {
                MatchRecord c = customers.get(i);
                List<Reason> reasons = reasons(account, handle, c, nameCounts);
                double score = reasons.stream().mapToDouble(Reason::weight).sum();
                if (score >= THRESHOLD) {
                    found.add(new Proposal(account.id(), i, score, reasons));
                }
            }
            found.sort(Comparator.comparingDouble(Proposal::score).reversed());
            out.addAll(found.subList(0, Math.min(PER_ACCOUNT, found.size())));
        }
        return out;
    }

    private List<Reason> reasons(Account account, String handle, MatchRecord c, Map<String, Integer> nameCounts) {
        List<Reason> reasons = new ArrayList<>();
        String network = account.network().toLowerCase(Locale.ROOT);
        double best = 0;
        String bestText = null;
        for (String h : c.handles()) {
            String other = letters(h.substring(h.indexOf(':') + 1));
            String where = h.substring(0, h.indexOf(':'));
            if (where.equals(network) || other.isEmpty()) {
                continue;
            }
            if (other.equals(handle)) {
                best = SAME_HANDLE;
                bestText = "same handle on " + where;
                break;
            }
            if (JW.apply(other, handle) >= 0.92 && best < SIMILAR_HANDLE) {
                best = SIMILAR_HANDLE;
                bestText = "handle like the one on " + where;
            }
        }
        if (bestText != null) {
            reasons.add(new Reason(bestText, best));
        }
        if (c.email() != null && letters(Normalizer.localPart(c.email())).equals(handle)) {
            reasons.add(new Reason("handle is the e-mail's local part", EMAIL_LOCAL_PART));
        }
        if (spellings(c).contains(stripDigits(handle))) {
            reasons.add(new Reason("handle spells the name", HANDLE_SPELLS_NAME));
        }
        String display = account.displayName() == null ? null : fullName(normalizer.name(account.displayName()), null);
        String name = fullName(c.first(), c.last());
        if (display != null && name != null) {
            if (display.equals(name)) {
                boolean unique = nameCounts.getOrDefault(name, 0) <= 1;
                reasons.add(new Reason(unique ? "display name is the name (no one else has it)"
                        : "display name is the name", unique ? DISPLAY_NAME_UNIQUE : DISPLAY_NAME_COMMON));
            } else if (JW.apply(display, name) >= 0.88 || (c.first() != null && display.startsWith(c.first() + " ")
                    && c.last() != null && display.endsWith(" " + c.last().charAt(0)))) {
                reasons.add(new Reason("display name close to the name", DISPLAY_NAME_CLOSE));
            } else {
                reasons.add(new Reason("display name is another name", DISPLAY_NAME_DIFFERENT));
            }
        }
        return reasons;
    }

    /** How people spell their name in a handle: karinordmann, nordmannkari, knordmann. */
    static Set<String> spellings(MatchRecord c) {
        Set<String> out = new TreeSet<>();
        if (c.first() == null || c.last() == null || !Normalizer.isAscii(c.first()) || !Normalizer.isAscii(c.last())) {
            return out;
        }
        String first = letters(c.first());
        String last = letters(c.last());
        if (first.isEmpty() || last.length() < 2) {
            return out;
        }
        out.add(first + last);
        out.add(last + first);
        out.add(first.charAt(0) + last);
        return out;
    }

    private static @Nullable String fullName(@Nullable String first, @Nullable String last) {
        if (first == null && last == null) {
            return null;
        }
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }

    /** Lower-case letters and digits only: "@Kari_Trails" → "karitrails". */
    static String letters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripDigits(String s) {
        int end = s.length();
        while (end > 0 && Character.isDigit(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static void add(Map<String, List<Integer>> index, String key, int i) {
        if (key.length() >= 4) {
            List<Integer> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (list.size() <= MAX_KEY) {
                list.add(i);
            }
        }
    }

    private static List<Integer> small(@Nullable List<Integer> ids) {
        return ids == null || ids.size() > MAX_KEY ? List.of() : ids;
    }

    /** The reasons as stored: ordered evidence → weight. */
    public static Map<String, Double> asMap(List<Reason> reasons) {
        Map<String, Double> out = new LinkedHashMap<>();
        reasons.forEach(r -> out.put(r.evidence(), r.weight()));
        return out;
    }
}
