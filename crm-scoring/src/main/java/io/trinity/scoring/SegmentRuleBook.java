package io.trinity.scoring;

import io.trinity.shared.InvalidInputException;
import io.trinity.scoring.SegmentRule;
import io.trinity.scoring.value.Segments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The segment rules in force and their history. Version 0 is the built-in set; an admin's change of thresholds is
 * stored as the next version. A run records the version it used, and its segments explain themselves with it.
 */
@Service
public class SegmentRuleBook {

    /** One version of the rules and who set it. */
    public record Version(int version, List<SegmentRule> rules, @Nullable Instant createdAt, String createdBy) {
    }

    static final Version BUILT_IN = new Version(0, Segments.DEFAULT, null, "Trinity");

    private final JdbcClient jdbc;
    private final Map<Integer, Version> cache = new ConcurrentHashMap<>();

    SegmentRuleBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Version current() {
        return jdbc.sql("select version from segment_rules order by version desc limit 1").query(Integer.class)
                .optional().map(this::version).orElse(BUILT_IN);
    }

    /** The rules of a version; null (runs before versions existed) or 0 is the built-in set. */
    public Version version(@Nullable Integer version) {
        if (version == null || version == 0) {
            return BUILT_IN;
        }
        return cache.computeIfAbsent(version, v -> jdbc.sql("select * from segment_rules where version = ?")
                .param(v).query((rs, n) -> new Version(rs.getInt("version"), Segments.parse(rs.getString("rules")),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"))).single());
    }

    /** The rules a run used. */
    public Version forRun(long runId) {
        return version(jdbc.sql("select segment_rules_version from scoring_run where id = ?").param(runId)
                .query((rs, n) -> (Integer) rs.getObject(1)).optional().orElse(null));
    }

    public List<Version> history() {
        List<Version> versions = new java.util.ArrayList<>(jdbc.sql(
                        "select version from segment_rules order by version desc").query(Integer.class).list()
                .stream().map(this::version).toList());
        versions.add(BUILT_IN);
        return versions;
    }

    /** New thresholds for the current rules, as the next version; the next scoring run uses them. */
    @Transactional
    public Version change(List<List<Double>> thresholds, String by) {
        List<SegmentRule> rules;
        try {
            rules = Segments.withThresholds(current().rules(), thresholds);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("thresholds", e.getMessage());
        }
        jdbc.sql("lock table segment_rules in exclusive mode").update();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from segment_rules").query(Integer.class).single();
        jdbc.sql("insert into segment_rules (version, rules, created_by) values (?, ?, ?)")
                .params(next, Segments.format(rules), by).update();
        return version(next);
    }
}
