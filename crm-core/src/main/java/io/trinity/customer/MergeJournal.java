package io.trinity.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What each feature did in a merge, so that it can undo exactly that: during {@link CustomersMerged} a feature
 * records, under a part name of its own ("orders", "loyalty.ledger"), the keys of the rows it moved to the survivor
 * and any values it replaced; during {@link MergeUndone} it reads them back. The customer feature keeps the journal
 * with the merge, and only while the merge can be undone. {@code moved} counts are what the merge reports.
 */
public final class MergeJournal {

    /** One feature's record: the keys of the rows it moved, and the values it changed. */
    public record Part(List<String> keys, Map<String, @Nullable String> data) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Map<String, Long> moved = new LinkedHashMap<>();

    MergeJournal() {
    }

    MergeJournal(Map<String, Part> parts) {
        this.parts.putAll(parts);
    }

    /** Records rows moved to the survivor under {@code part}; {@code label} is how the merge reports their count. */
    public void moved(String part, String label, Collection<?> keys) {
        moved(part, label, keys, Map.of());
    }

    /** As {@link #moved(String, String, Collection)}, with values the feature replaced and will put back. */
    public void moved(String part, String label, Collection<?> keys, Map<String, @Nullable String> data) {
        List<String> text = new ArrayList<>(keys.size());
        for (Object key : keys) {
            text.add(String.valueOf(key));
        }
        Part previous = parts.get(part);
        if (previous != null) {
            text.addAll(0, previous.keys());
            Map<String, @Nullable String> merged = new LinkedHashMap<>(previous.data());
            merged.putAll(data);
            data = merged;
        }
        parts.put(part, new Part(List.copyOf(text), new LinkedHashMap<>(data)));
        if (!label.isEmpty()) {
            this.moved.merge(label, (long) keys.size(), Long::sum);
        }
    }

    /** The keys a part recorded (empty when it recorded nothing). */
    public List<String> keys(String part) {
        Part p = parts.get(part);
        return p == null ? List.of() : p.keys();
    }

    /** The keys of a part as numbers (row ids). */
    public List<Long> ids(String part) {
        return keys(part).stream().map(Long::valueOf).toList();
    }

    /** The values a part recorded. */
    public Map<String, @Nullable String> data(String part) {
        Part p = parts.get(part);
        return p == null ? Map.of() : p.data();
    }

    Map<String, Part> parts() {
        return parts;
    }

    /** Rows moved, by kind ("orders", "activities", …). */
    public Map<String, Long> movedCounts() {
        return Map.copyOf(moved);
    }
}
