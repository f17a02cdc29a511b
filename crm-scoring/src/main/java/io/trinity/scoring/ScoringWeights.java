package io.trinity.scoring;

import io.trinity.scoring.CombinedWeights;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The combined-value weights: the current version, its history, and changes (each one a new version). */
@Service
public class ScoringWeights {

    /** One version of the weights and who set it. */
    public record Version(int version, CombinedWeights weights, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;

    ScoringWeights(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Version current() {
        return jdbc.sql("select * from scoring_weights order by version desc limit 1").query((rs, n) -> version(rs))
                .single();
    }

    @Transactional(readOnly = true)
    public Version version(int version) {
        return jdbc.sql("select * from scoring_weights where version = ?").param(version)
                .query((rs, n) -> version(rs)).single();
    }

    @Transactional(readOnly = true)
    public List<Version> history() {
        return jdbc.sql("select * from scoring_weights order by version desc").query((rs, n) -> version(rs)).list();
    }

    /** Records new weights as the next version; the next scoring run uses them. */
    @Transactional
    public Version change(CombinedWeights weights, String by) {
        jdbc.sql("lock table scoring_weights in exclusive mode").update();
        int next = jdbc.sql("select max(version) + 1 from scoring_weights").query(Integer.class).single();
        jdbc.sql("insert into scoring_weights (version, transaction, relationship, influence, created_by)"
                        + " values (?, ?, ?, ?, ?)")
                .params(next, weights.transaction(), weights.relationship(), weights.influence(), by).update();
        return version(next);
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(rs.getInt("version"), new CombinedWeights(rs.getDouble("transaction"),
                rs.getDouble("relationship"), rs.getDouble("influence")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
