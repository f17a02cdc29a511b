package io.trinity.duplicates.internal;

import io.trinity.database.BinaryCopyWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each full scan's estimated model (λ, m and u per field and level, the training sessions) with its version,
 * and the term frequencies of names, so that incremental checks score with exactly the parameters of the last scan.
 */
@Component
public class ModelStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A stored model with its version. */
    public record Stored(long version, MatchModel model) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicReference<@Nullable Stored> cache = new AtomicReference<>();

    ModelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a model (inside the caller's transaction) and returns its version. */
    public long save(MatchModel model, long scanId, long records, long candidates) {
        Long version = jdbc.queryForObject("""
                insert into duplicate_model (scan_id, records, candidates, parameters) values (?, ?, ?, ?::jsonb)
                returning version""", Long.class, scanId, records, candidates, toJson(model.parameters()));
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try (BinaryCopyWriter copy = new BinaryCopyWriter(con, "duplicate_term", "version, field, value, frequency")) {
                for (Map.Entry<Field, Map<String, Double>> field : model.frequencies().entrySet()) {
                    for (Map.Entry<String, Double> term : field.getValue().entrySet()) {
                        copy.row(4).int8(version).text(field.getKey().key()).text(term.getKey())
                                .float8(term.getValue());
                    }
                }
                return copy.finish();
            }
        });
        // Older models are only history; keep the last few.
        jdbc.update("delete from duplicate_model where version < ? - 4", version);
        return version;
    }

    /** The newest model, or empty before the first scan. */
    public Optional<Stored> current() {
        Long version = jdbc.query("select max(version) from duplicate_model", rs -> rs.next() ? (Long) rs.getObject(1)
                : null);
        if (version == null) {
            return Optional.empty();
        }
        Stored cached = cache.get();
        if (cached != null && cached.version() == version) {
            return Optional.of(cached);
        }
        String json = jdbc.queryForObject("select parameters::text from duplicate_model where version = ?",
                String.class, version);
        Map<Field, Map<String, Double>> frequencies = new EnumMap<>(Field.class);
        Map<String, Field> byKey = new HashMap<>();
        for (Field f : Field.values()) {
            byKey.put(f.key(), f);
        }
        jdbc.query("select field, value, frequency from duplicate_term where version = ?", rs -> {
            Field f = byKey.get(rs.getString(1));
            if (f != null) {
                frequencies.computeIfAbsent(f, k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        }, version);
        Stored stored = new Stored(version, new MatchModel(fromJson(json), frequencies));
        cache.set(stored);
        return Optional.of(stored);
    }

    /** The parameters of a model as the API shows them. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parameters(long version) {
        List<String> json = jdbc.queryForList("select parameters::text from duplicate_model where version = ?",
                String.class, version);
        return json.isEmpty() ? Map.of() : JSON.readValue(json.get(0), Map.class);
    }

    static String toJson(MatchModel.Parameters p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lambda", p.lambda());
        out.put("estimatedFromData", !p.sessions().isEmpty());
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> u = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            m.put(f.key(), levels(f, p.m()[f.ordinal()]));
            u.put(f.key(), levels(f, p.u()[f.ordinal()]));
        }
        out.put("m", m);
        out.put("u", u);
        List<Object> sessions = new ArrayList<>();
        for (MatchModel.Session s : p.sessions()) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("rule", s.rule().name());
            session.put("pairs", s.pairs());
            session.put("lambda", s.lambda());
            session.put("iterations", s.iterations());
            session.put("converged", s.converged());
            sessions.add(session);
        }
        out.put("sessions", sessions);
        return JSON.writeValueAsString(out);
    }

    private static Map<String, Double> levels(Field f, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < values.length; l++) {
            out.put(f.levels().get(l), values[l]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static MatchModel.Parameters fromJson(String json) {
        Map<String, Object> in = JSON.readValue(json, Map.class);
        double[][] m = new double[Field.values().length][];
        double[][] u = new double[Field.values().length][];
        Map<String, Map<String, Number>> ms = (Map<String, Map<String, Number>>) in.get("m");
        Map<String, Map<String, Number>> us = (Map<String, Map<String, Number>>) in.get("u");
        for (Field f : Field.values()) {
            m[f.ordinal()] = values(f, ms.get(f.key()));
            u[f.ordinal()] = values(f, us.get(f.key()));
        }
        List<MatchModel.Session> sessions = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) in.get("sessions")) {
            sessions.add(new MatchModel.Session(Blocking.Rule.valueOf((String) s.get("rule")),
                    ((Number) s.get("pairs")).longValue(), ((Number) s.get("lambda")).doubleValue(),
                    ((Number) s.get("iterations")).intValue(), (Boolean) s.get("converged")));
        }
        return new MatchModel.Parameters(((Number) in.get("lambda")).doubleValue(), m, u, sessions);
    }

    private static double[] values(Field f, Map<String, Number> levels) {
        double[] out = new double[f.levelCount()];
        for (int l = 0; l < out.length; l++) {
            out[l] = levels.get(f.levels().get(l)).doubleValue();
        }
        return out;
    }
}
