package io.trinity.loyalty;

import io.trinity.loyalty.internal.RuleValidator;
import io.trinity.scoring.ExchangeRates;
import io.trinity.scoring.CustomerValues;
import io.trinity.shared.ConflictException;
import io.trinity.shared.Cursor;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule book: creates rules, turns every edit into a new version, activates and retires them, and keeps an
 * audit log of each change. Ledger entries point at the exact version that produced them.
 */
@Service
public class RewardRules {

    private static final String SELECT = """
            select r.id, r.status, r.current_version, v.version, v.name, v.trigger, v.priority, v.rule_group,
                   v.active_from, v.active_until, v.cond_network, v.cond_store, v.cond_min_amount_minor, v.cond_channel,
                   v.cond_segment, v.cond_min_influence, v.cond_min_tier, v.cond_event_from, v.cond_event_until,
                   v.cond_hashtag, v.cond_referral_role, v.cond_min_referrals, v.effect_kind, v.effect_points,
                   v.effect_multiplier, v.effect_perk, v.effect_reward_id, v.limit_period, v.limit_count,
                   v.limit_budget, v.once_per_customer, v.created_by, v.created_at
            from reward_rule r join reward_rule_version v on v.rule_id = r.id
            """;

    private final JdbcClient jdbc;
    private final TierLadder tiers;
    private final ExchangeRates rates;
    private final CustomerValues values;

    RewardRules(JdbcClient jdbc, TierLadder tiers, ExchangeRates rates, CustomerValues values) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.rates = rates;
        this.values = values;
    }

    /** A rule's newest version with its status, and who last changed it. */
    public record Listed(RewardRule rule, String changedBy, Instant changedAt) {
    }

    public List<Listed> list() {
        return jdbc.sql(SELECT + " where v.version = r.current_version order by r.status, v.priority, r.id")
                .query((rs, n) -> new Listed(row(rs, n), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    public RewardRule get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("no reward rule " + id));
    }

    public Optional<RewardRule> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ? and v.version = r.current_version").param(id)
                .query(RewardRules::row).optional();
    }

    public List<RewardRule> versions(long id) {
        return jdbc.sql(SELECT + " where r.id = ? order by v.version desc").param(id).query(RewardRules::row).list();
    }

    /** The newest versions of the active rules; the engine still checks each one's active window. */
    public List<RewardRule> active() {
        return jdbc.sql(SELECT + " where r.status = 'ACTIVE' and v.version = r.current_version")
                .query(RewardRules::row).list();
    }

    /** Validates a draft the way saving would, without saving it (for the preview of an unsaved form). */
    public RewardRule validate(RuleDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        RewardRule rule = RuleValidator.clean(draft, rates.currency().getDefaultFractionDigits(),
                tiers.current().all().stream().map(Tier::code).toList(), CustomerValues.segmentNames(), errors);
        if (rule != null && rule.effect().rewardId() != null && jdbc.sql("select count(*) from reward where id = ?")
                .param(rule.effect().rewardId()).query(Long.class).single() == 0) {
            errors.add(new FieldError("effect.rewardId", "no reward " + rule.effect().rewardId()
                    + " in the catalogue"));
        }
        if (!errors.isEmpty() || rule == null) {
            throw new InvalidInputException(errors);
        }
        return rule;
    }

    @Transactional
    public RewardRule create(RuleDraft draft, String actor) {
        RewardRule rule = validate(draft);
        long id = jdbc.sql("insert into reward_rule (current_version, status) values (1, 'DRAFT') returning id")
                .query(Long.class).single();
        insertVersion(id, 1, rule, actor);
        audit(id, 1, "CREATED", actor, "version 1 as a draft");
        return get(id);
    }

    /** An edit never changes a stored version: it adds the next one, which is what the rule does from now on. */
    @Transactional
    public RewardRule edit(long id, RuleDraft draft, String actor) {
        RewardRule current = lock(id);
        if (current.status() == RuleStatus.RETIRED) {
            throw new ConflictException("status", "rule " + id + " is retired; create a new rule instead");
        }
        RewardRule rule = validate(draft);
        int version = current.version() + 1;
        insertVersion(id, version, rule, actor);
        jdbc.sql("update reward_rule set current_version = ?, updated_at = now() where id = ?").params(version, id)
                .update();
        audit(id, version, "EDITED", actor, "version " + version + (current.status() == RuleStatus.ACTIVE
                ? " (in force at once)" : ""));
        return get(id);
    }

    @Transactional
    public RewardRule activate(long id, String actor) {
        RewardRule current = lock(id);
        if (current.status() != RuleStatus.DRAFT) {
            throw new ConflictException("status", "rule " + id + " is " + current.status().name().toLowerCase()
                    + "; only a draft can be activated");
        }
        jdbc.sql("update reward_rule set status = 'ACTIVE', updated_at = now() where id = ?").param(id).update();
        audit(id, current.version(), "ACTIVATED", actor, null);
        return get(id);
    }

    @Transactional
    public RewardRule retire(long id, String actor) {
        RewardRule current = lock(id);
        if (current.status() == RuleStatus.RETIRED) {
            return current;
        }
        jdbc.sql("update reward_rule set status = 'RETIRED', updated_at = now() where id = ?").param(id).update();
        audit(id, current.version(), "RETIRED", actor, null);
        return get(id);
    }

    /** Retires several rules at once, all or none (an unknown id refuses the batch); already retired ones stay. */
    @Transactional
    public int retireAll(List<Long> ids, String actor) {
        if (ids.isEmpty()) {
            throw new io.trinity.shared.InvalidInputException("ids", "choose at least one rule");
        }
        ids.forEach(this::lock);
        ids.forEach(id -> retire(id, actor));
        return ids.size();
    }

    /**
     * The active rules that a rule on {@code trigger} in {@code group} would stack with: every other active rule
     * on the same trigger, except those sharing its group (within a group only the first rule that awards
     * applies). Two share rules both giving 100 points give 200 per share; this names them before that happens.
     */
    public List<String> stacksWith(String trigger, @Nullable String group, @Nullable Long except) {
        return jdbc.sql("""
                        select v.name from reward_rule r
                        join reward_rule_version v on v.rule_id = r.id and v.version = r.current_version
                        where r.status = 'ACTIVE' and v.trigger = ? and r.id <> coalesce(?, -1)
                          and (cast(? as text) is null or v.rule_group is null or v.rule_group <> ?)
                        order by v.name""")
                .params(trigger, except, group, group).query(String.class).list();
    }

    public Page<RuleAuditEntry> audit(@Nullable Long ruleId, int limit, @Nullable String after) {
        long before = after == null || after.isBlank() ? Long.MAX_VALUE : Cursor.decode(after);
        List<RuleAuditEntry> rows = jdbc.sql("""
                        select a.id, a.rule_id, a.version, v.name, a.action, a.actor, a.detail, a.at
                        from reward_rule_audit a join reward_rule_version v on v.rule_id = a.rule_id
                                                                          and v.version = a.version
                        where a.id < :before and (cast(:rule as bigint) is null or a.rule_id = :rule)
                        order by a.id desc limit :limit""")
                .param("before", before).param("rule", ruleId).param("limit", limit + 1)
                .query((rs, n) -> new RuleAuditEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
        if (rows.size() > limit) {
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(rows.get(limit - 1).id()));
        }
        return new Page<>(rows, null);
    }

    private RewardRule lock(long id) {
        jdbc.sql("select id from reward_rule where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("no reward rule " + id));
        return get(id);
    }

    private void audit(long id, int version, String action, String actor, @Nullable String detail) {
        jdbc.sql("insert into reward_rule_audit (rule_id, version, action, actor, detail) values (?, ?, ?, ?, ?)")
                .params(id, version, action, actor, detail).update();
    }

    private void insertVersion(long id, int version, RewardRule r, String actor) {
        RewardRule.Conditions c = r.conditions();
        RewardRule.Effect e = r.effect();
        RewardRule.Limits l = r.limits();
        jdbc.sql("""
                        insert into reward_rule_version (rule_id, version, name, trigger, priority, rule_group,
                            active_from, active_until, cond_network, cond_store, cond_min_amount_minor, cond_channel,
                            cond_segment, cond_min_influence, cond_min_tier, cond_event_from, cond_event_until,
                            cond_hashtag, cond_referral_role, cond_min_referrals, effect_kind, effect_points,
                            effect_multiplier, effect_perk, effect_reward_id, limit_period, limit_count, limit_budget,
                            once_per_customer, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                ?)""")
                .params(id, version, r.name(), r.trigger().name(), r.priority(), r.group(), ts(r.activeFrom()),
                        ts(r.activeUntil()), c.network(), c.store(), c.minAmountMinor(), c.channel(), c.segment(),
                        c.minInfluence(), c.minTier(), c.eventFrom(), c.eventUntil(), c.hashtag(),
                        c.referralRole() == null ? null : c.referralRole().name(), c.minReferrals(), e.kind().name(),
                        e.points(), e.multiplier(), e.perk(), e.rewardId(),
                        l.period() == null ? null : l.period().name(), l.count(), l.budget(), l.oncePerCustomer(),
                        actor)
                .update();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static RewardRule row(ResultSet rs, int n) throws SQLException {
        Timestamp from = rs.getTimestamp("active_from");
        Timestamp until = rs.getTimestamp("active_until");
        String role = rs.getString("cond_referral_role");
        String period = rs.getString("limit_period");
        BigDecimal multiplier = rs.getBigDecimal("effect_multiplier");
        return new RewardRule(rs.getLong("id"), rs.getInt("version"), rs.getString("name"),
                Trigger.valueOf(rs.getString("trigger")), RuleStatus.valueOf(rs.getString("status")),
                rs.getInt("priority"), rs.getString("rule_group"), from == null ? null : from.toInstant(),
                until == null ? null : until.toInstant(),
                new RewardRule.Conditions(rs.getString("cond_network"), rs.getString("cond_store"),
                        nullableLong(rs, "cond_min_amount_minor"), rs.getString("cond_channel"),
                        rs.getString("cond_segment"), nullableDouble(rs, "cond_min_influence"),
                        rs.getString("cond_min_tier"), rs.getObject("cond_event_from", LocalDate.class),
                        rs.getObject("cond_event_until", LocalDate.class), rs.getString("cond_hashtag"),
                        role == null ? null : ReferralRole.valueOf(role), nullableInt(rs, "cond_min_referrals")),
                new RewardRule.Effect(EffectKind.valueOf(rs.getString("effect_kind")),
                        nullableLong(rs, "effect_points"), multiplier, rs.getString("effect_perk"),
                        nullableLong(rs, "effect_reward_id")),
                new RewardRule.Limits(period == null ? null : LimitPeriod.valueOf(period),
                        nullableInt(rs, "limit_count"), nullableLong(rs, "limit_budget"),
                        rs.getBoolean("once_per_customer")));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
