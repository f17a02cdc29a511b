package io.trinity.loyalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme at a glance for the loyalty admin's home: members per tier, points outstanding and what they are
 * worth (the programme's liability), points earned, redeemed and expired this month, the rules that gave the most,
 * and active rules that stack on the same trigger.
 */
@Service
public class LoyaltyFigures {

    /** A rule and what it gave this month. */
    public record RulePoints(long ruleId, String name, long points) {
    }

    /** Active rules on one trigger: each qualifying event earns from all of them. */
    public record Overlap(String trigger, List<String> rules) {
    }

    public record Figures(Map<String, Long> membersPerTier, long pointsOutstanding, double liabilityMinor,
            Map<String, Long> thisMonth, List<RulePoints> topRules, List<Overlap> overlaps, Instant monthStart) {
    }

    private final JdbcClient jdbc;
    private final LoyaltyProperties properties;
    private final Clock clock;

    LoyaltyFigures(JdbcClient jdbc, LoyaltyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures figures() {
        Map<String, Long> tiers = new LinkedHashMap<>();
        jdbc.sql("""
                select t.name, count(a.customer_id) from loyalty_tier t
                left join loyalty_account a on a.tier = t.code group by t.name, t.rank order by t.rank""")
                .query(rs -> {
                    tiers.put(rs.getString(1), rs.getLong(2));
                });
        long outstanding = jdbc.sql("select coalesce(sum(balance), 0) from loyalty_account where balance > 0")
                .query(Long.class).single();
        Instant monthStart = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, Long> month = new LinkedHashMap<>();
        for (String kind : List.of("EARN", "REDEEM", "EXPIRE", "ADJUST", "REVERSE")) {
            month.put(kind, 0L);
        }
        jdbc.sql("select kind, sum(points) from loyalty_ledger where occurred_at >= ? group by kind")
                .param(Timestamp.from(monthStart)).query(rs -> {
                    month.put(rs.getString(1), rs.getLong(2));
                });
        List<RulePoints> top = jdbc.sql("""
                select l.rule_id, coalesce(v.name, 'rule ' || l.rule_id), sum(l.points) from loyalty_ledger l
                left join reward_rule_version v on v.rule_id = l.rule_id and v.version = l.rule_version
                where l.kind = 'EARN' and l.rule_id is not null and l.occurred_at >= ?
                group by l.rule_id, v.name order by 3 desc limit 5""").param(Timestamp.from(monthStart))
                .query((rs, n) -> new RulePoints(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
        List<Overlap> overlaps = jdbc.sql("""
                select v.trigger, array_agg(v.name order by v.name) from reward_rule r
                join reward_rule_version v on v.rule_id = r.id and v.version = r.current_version
                where r.status = 'ACTIVE' group by v.trigger having count(*) > 1 order by v.trigger""")
                .query((rs, n) -> new Overlap(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())))
                .list();
        return new Figures(tiers, outstanding, outstanding * properties.pointValueMinor(), month, top, overlaps,
                monthStart.truncatedTo(ChronoUnit.DAYS));
    }
}
