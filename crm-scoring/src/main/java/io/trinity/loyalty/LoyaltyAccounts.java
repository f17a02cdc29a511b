package io.trinity.loyalty;

import io.trinity.loyalty.internal.Expiry;
import io.trinity.customer.CustomerService;
import io.trinity.shared.Cursor;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import io.trinity.database.SqlArrays;
import io.trinity.shared.TextRules;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' accounts over the append-only ledger: every change of points is a new entry, written together with the
 * maintained balance in one statement, so the balance always equals the sum of the entries. Tiers follow points
 * earned in the rolling window; expiry writes entries too.
 */
@Service
public class LoyaltyAccounts {

    static final String ENTRY_COLUMNS = """
            l.id, l.customer_id, l.kind, l.points, l.source_key, l.rule_id, l.rule_version, v.name as rule_name,
            l.actor, l.reason, l.occurred_at, l.expires_at, l.created_at, l.reverses_id """;
    private static final String ENTRY_FROM = """
             from loyalty_ledger l left join reward_rule_version v on v.rule_id = l.rule_id
                                                                 and v.version = l.rule_version""";

    private static final String WRITE = """
            with ins as (
                insert into loyalty_ledger (customer_id, kind, points, source_key, rule_id, rule_version, actor,
                                            reason, reverses_id, occurred_at, expires_at)
                select t.customer_id, t.kind, t.points, t.source_key, t.rule_id, t.rule_version::int, t.actor,
                       t.reason, t.reverses_id, t.occurred_at::timestamptz, t.expires_at::timestamptz
                from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
                            ?::text[], ?::bigint[], ?::text[], ?::text[])
                     as t(customer_id, kind, points, source_key, rule_id, rule_version, actor, reason, reverses_id,
                          occurred_at, expires_at)
                on conflict do nothing
                returning id, customer_id, points, source_key, rule_id),
            bal as (
                insert into loyalty_account (customer_id, balance)
                select customer_id, sum(points) from ins group by customer_id order by customer_id
                on conflict (customer_id) do update set balance = loyalty_account.balance + excluded.balance,
                                                        updated_at = now())
            select id, customer_id, points, source_key, rule_id from ins
            """;

    /** An entry to append; {@code expiresAt} only on positive entries that expire. */
    public record NewEntry(long customerId, String kind, long points, @Nullable String sourceKey, @Nullable Long ruleId,
            @Nullable Integer ruleVersion, String actor, @Nullable String reason, @Nullable Long reversesId,
            Instant occurredAt, @Nullable Instant expiresAt) {
    }

    /** An entry as written (entries that were already there are left out). */
    record Written(long id, long customerId, long points, @Nullable String sourceKey, @Nullable Long ruleId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TierLadder tiers;
    private final LoyaltyProperties properties;
    private final Clock clock;
    private final CustomerService customers;

    LoyaltyAccounts(JdbcClient jdbc, JdbcTemplate template, TierLadder tiers, LoyaltyProperties properties,
            Clock clock, CustomerService customers) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.template = template;
        this.tiers = tiers;
        this.properties = properties;
        this.clock = clock;
    }

    /** Appends entries and moves balances in one statement; an entry that would repeat one is skipped. */
    public List<Written> append(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // One lock order for every writer (see OrderIngest): by customer, then source.
        entries = entries.stream().sorted(java.util.Comparator.comparingLong(NewEntry::customerId)
                .thenComparing(e -> e.sourceKey() == null ? "" : e.sourceKey())).toList();
        int n = entries.size();
        Object[][] cols = new Object[11][n];
        for (int i = 0; i < n; i++) {
            NewEntry e = entries.get(i);
            cols[0][i] = e.customerId();
            cols[1][i] = e.kind();
            cols[2][i] = e.points();
            cols[3][i] = e.sourceKey();
            cols[4][i] = e.ruleId();
            cols[5][i] = e.ruleVersion() == null ? null : e.ruleVersion().longValue();
            cols[6][i] = e.actor();
            cols[7][i] = e.reason();
            cols[8][i] = e.reversesId();
            cols[9][i] = e.occurredAt().toString();
            cols[10][i] = e.expiresAt() == null ? null : e.expiresAt().toString();
        }
        List<Written> written = new ArrayList<>();
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(WRITE);
            for (int c = 0; c < 11; c++) {
                boolean numeric = c == 0 || c == 2 || c == 4 || c == 5 || c == 8;
                ps.setArray(c + 1, numeric ? SqlArrays.bigint(con, cols[c]) : SqlArrays.text(con, cols[c]));
            }
            return ps;
        }, rs -> {
            long rule = rs.getLong("rule_id");
            written.add(new Written(rs.getLong("id"), rs.getLong("customer_id"), rs.getLong("points"),
                    rs.getString("source_key"), rs.wasNull() ? null : rule));
        });
        return written;
    }

    /** When points earned at {@code at} expire, or null when points never expire. */
    public @Nullable Instant expiryOf(Instant at) {
        return properties.expiryMonths() == 0 ? null
                : at.atOffset(ZoneOffset.UTC).plusMonths(properties.expiryMonths()).toInstant();
    }

    Instant tierWindowStart() {
        return clock.instant().atOffset(ZoneOffset.UTC).minusMonths(properties.tierWindowMonths()).toInstant();
    }

    @Transactional(readOnly = true)
    public LoyaltySummary summary(long customerId) {
        requireCustomer(customerId);
        Tiers ladder = tiers.current();
        record Account(long balance, String tier, Instant since) {
        }
        Account account = jdbc.sql("select balance, tier, tier_since from loyalty_account where customer_id = ?")
                .param(customerId).query((rs, n) -> new Account(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).optional()
                .orElse(new Account(0, ladder.lowest().code(), clock.instant()));
        Tier tier = ladder.find(account.tier()).orElse(ladder.lowest());
        long earned = earnedInWindow(customerId);
        Tier next = ladder.next(tier.code()).orElse(null);
        List<Perk> perks = jdbc.sql("""
                        select p.perk, p.rule_id, p.rule_version, v.name, p.granted_at from customer_perk p
                        join reward_rule_version v on v.rule_id = p.rule_id and v.version = p.rule_version
                        where p.customer_id = ? order by p.granted_at desc""")
                .param(customerId).query((rs, n) -> new Perk(rs.getString(1), rs.getLong(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
        String code = jdbc.sql("select code from referral_code where customer_id = ?").param(customerId)
                .query(String.class).optional().orElse(null);
        long converted = jdbc.sql("select count(*) from referral where referrer_id = ? and converted_at is not null")
                .param(customerId).query(Long.class).single();
        List<LoyaltySummary.Redemption> redemptions = jdbc.sql("""
                        select d.id, d.reward_id, w.name, w.kind, d.points, d.code, v.name, d.created_by, d.created_at
                        from redemption d join reward w on w.id = d.reward_id
                        left join reward_rule_version v on v.rule_id = d.rule_id and v.version = d.rule_version
                        where d.customer_id = ? order by d.id desc limit 10""")
                .param(customerId).query((rs, n) -> new LoyaltySummary.Redemption(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant())).list();
        return new LoyaltySummary(customerId, account.balance(), tier, account.since(), earned, next,
                next == null ? 0 : Math.max(0, next.threshold() - earned), perks,
                entries(customerId, 10, null).items(), code, converted, redemptions);
    }

    /** Points earned in the tier window: earnings net of their reversals (redeeming and expiry do not count). */
    public long earnedInWindow(long customerId) {
        Timestamp since = Timestamp.from(tierWindowStart());
        return jdbc.sql("""
                        select coalesce(sum(l.points), 0) from loyalty_ledger l
                        left join loyalty_ledger e on e.id = l.reverses_id
                        where l.customer_id = ? and ((l.kind = 'EARN' and l.occurred_at > ?)
                                                  or (l.kind = 'REVERSE' and e.kind = 'EARN' and e.occurred_at > ?))""")
                .params(customerId, since, since).query(Long.class).single();
    }

    public Page<LedgerEntry> entries(long customerId, int limit, @Nullable String after) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        long before = after == null || after.isBlank() ? Long.MAX_VALUE : Cursor.decode(after);
        List<LedgerEntry> rows = jdbc.sql("select " + ENTRY_COLUMNS + " " + ENTRY_FROM
                        + " where l.customer_id = ? and l.id < ? order by l.id desc limit ?")
                .params(customerId, before, limit + 1).query(LoyaltyAccounts::entry).list();
        if (rows.size() > limit) {
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(rows.get(limit - 1).id()));
        }
        return new Page<>(rows, null);
    }

    /** A person's correction: any non-zero number of points, with the reason kept on the entry. */
    @Transactional
    public LedgerEntry adjust(long customerId, long points, @Nullable String reason, String actor) {
        requireCustomer(customerId);
        List<FieldError> errors = new ArrayList<>();
        if (points == 0 || Math.abs(points) > 10_000_000) {
            errors.add(new FieldError("points", "must be a non-zero number of points, at most 10,000,000 either way"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add(new FieldError("reason", "is required: say why the points change"));
        } else if (why.length() > 500 || !TextRules.isStorable(why, false)) {
            errors.add(new FieldError("reason", "must be at most 500 characters without control characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (points < 0) {
            long balance = balance(customerId);
            if (balance + points < 0) {
                throw new InvalidInputException("points", "the balance is " + balance + "; an adjustment may not"
                        + " take it below 0");
            }
        }
        Instant now = clock.instant();
        List<Written> written = append(List.of(new NewEntry(customerId, "ADJUST", points, null, null, null, actor,
                why, null, now, points > 0 ? expiryOf(now) : null)));
        return find(written.get(0).id()).orElseThrow();
    }

    public Optional<LedgerEntry> find(long entryId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " " + ENTRY_FROM + " " + " where l.id = ?").param(entryId)
                .query(LoyaltyAccounts::entry).optional();
    }

    public long balance(long customerId) {
        return jdbc.sql("select coalesce((select balance from loyalty_account where customer_id = ?), 0)")
                .param(customerId).query(Long.class).single();
    }

    /** The sum of the member's ledger entries; always equal to {@link #balance(long)}. */
    public long ledgerSum(long customerId) {
        return jdbc.sql("select coalesce(sum(points), 0) from loyalty_ledger where customer_id = ?")
                .param(customerId).query(Long.class).single();
    }

    /** Moves the given members (or, with null, every member) to the tier their earnings now reach; records moves. */
    @Transactional
    public int recomputeTiers(@Nullable Collection<Long> customerIds) {
        if (customerIds != null && customerIds.isEmpty()) {
            return 0;
        }
        Timestamp since = Timestamp.from(tierWindowStart());
        String scope = customerIds == null ? "" : " where a.customer_id = any(?)";
        String sql = """
                with earned as (
                    select a.customer_id, a.tier as old_tier,
                           coalesce((select sum(l.points) from loyalty_ledger l
                                     where l.customer_id = a.customer_id and l.kind = 'EARN' and l.occurred_at > ?), 0)
                         + coalesce((select sum(l.points) from loyalty_ledger l
                                     join loyalty_ledger e on e.id = l.reverses_id
                                     where l.customer_id = a.customer_id and l.kind = 'REVERSE'
                                       and e.kind = 'EARN' and e.occurred_at > ?), 0) as earned
                    from loyalty_account a %s),
                target as (
                    select e.customer_id, e.old_tier, e.earned,
                           (select t.code from loyalty_tier t where t.threshold <= e.earned
                            order by t.threshold desc limit 1) as tier
                    from earned e),
                moved as (
                    update loyalty_account a set tier = t.tier, tier_since = now(), updated_at = now()
                    from target t where a.customer_id = t.customer_id and a.tier <> t.tier
                    returning a.customer_id, t.old_tier, t.tier, t.earned)
                insert into loyalty_tier_change (customer_id, from_tier, to_tier, earned)
                select customer_id, old_tier, tier, earned from moved""".formatted(scope);
        return template.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setTimestamp(1, since);
            ps.setTimestamp(2, since);
            if (customerIds != null) {
                ps.setArray(3, SqlArrays.bigint(con, customerIds.toArray()));
            }
            return ps;
        });
    }

    /** A member's tier moves, newest first. */
    public record TierChange(@Nullable String from, String to, long earned, Instant at) {
    }

    public List<TierChange> tierChanges(long customerId) {
        return jdbc.sql("select from_tier, to_tier, earned, changed_at from loyalty_tier_change where customer_id = ?"
                        + " order by id desc limit 20")
                .param(customerId).query((rs, n) -> new TierChange(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /**
     * Expires, as ledger entries, the points whose expiry date has passed and that were not spent: first in,
     * first out ({@link Expiry}). Running it twice expires nothing more.
     */
    @Transactional
    public long expire(Instant now) {
        Timestamp at = Timestamp.from(now);
        record Due(long customerId, long dueEarned, long debits, long balance) {
        }
        List<Due> due = jdbc.sql("""
                        select l.customer_id,
                               coalesce(sum(case when l.points > 0 and l.expires_at <= :now then l.points end), 0)
                             + coalesce(sum(case when l.kind = 'REVERSE' and e.expires_at <= :now then l.points end), 0),
                               coalesce(sum(case when l.kind in ('REDEEM', 'EXPIRE')
                                                   or (l.kind = 'ADJUST' and l.points < 0) then -l.points end), 0),
                               a.balance
                        from loyalty_ledger l
                        left join loyalty_ledger e on e.id = l.reverses_id
                        join loyalty_account a on a.customer_id = l.customer_id
                        where l.customer_id in (select customer_id from loyalty_ledger
                                                where points > 0 and expires_at <= :now)
                        group by l.customer_id, a.balance""")
                .param("now", at)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        List<NewEntry> entries = new ArrayList<>();
        String key = "expiry:" + now;
        for (Due d : due) {
            long points = Expiry.due(d.dueEarned(), d.debits(), d.balance());
            if (points > 0) {
                entries.add(new NewEntry(d.customerId(), "EXPIRE", -points, key, null, null, "system",
                        "points earned more than " + properties.expiryMonths() + " months ago", null, now, null));
            }
        }
        append(entries);
        return entries.stream().mapToLong(e -> -e.points()).sum();
    }

    private void requireCustomer(long customerId) {
        if (!customers.exists(customerId)) {
            throw new NotFoundException("no customer " + customerId);
        }
    }

    static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new LedgerEntry(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("kind"),
                rs.getLong("points"), rs.getString("source_key"), RewardRules.nullableLong(rs, "rule_id"),
                RewardRules.nullableInt(rs, "rule_version"), rs.getString("rule_name"), rs.getString("actor"),
                rs.getString("reason"), rs.getTimestamp("occurred_at").toInstant(),
                expires == null ? null : expires.toInstant(), rs.getTimestamp("created_at").toInstant(),
                RewardRules.nullableLong(rs, "reverses_id"));
    }
}
