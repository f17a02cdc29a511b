package io.trinity.duplicates.internal;

import io.trinity.duplicates.DuplicatePair;
import io.trinity.duplicates.DuplicateSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pair's explanation as stored and shown: each comparison's field, level and weight in bits. */
public final class Evidence {

    private Evidence() {
    }

    /** The matcher with the configured bands and the nickname lists. */
    public static Matcher matcher(DuplicateSettings settings) {
        return new Matcher(new PairComparator(Nicknames.all()),
                new Matcher.Thresholds(settings.autoThreshold(), settings.reviewThreshold()));
    }

    /** JSON array of {field, level, weight}, strongest first. */
    public static String json(MatchModel model, byte[] vector, MatchRecord second) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MatchModel.Evidence e : model.explain(vector, second)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", e.field().key());
            item.put("level", e.level());
            item.put("weight", e.weight());
            out.add(item);
        }
        return ModelStore.JSON.writeValueAsString(out);
    }

    @SuppressWarnings("unchecked")
    public static List<DuplicatePair.Evidence> parse(String json) {
        List<DuplicatePair.Evidence> out = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) ModelStore.JSON.readValue(json, List.class)) {
            out.add(new DuplicatePair.Evidence((String) item.get("field"), (String) item.get("level"),
                    ((Number) item.get("weight")).doubleValue()));
        }
        return out;
    }
}
