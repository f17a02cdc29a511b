package io.trinity.marketing;

import io.trinity.scoring.ExchangeRates;
import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.TextRules;
import io.trinity.scoring.ScoringRuns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns target a saved audience (consenting customers only). Launching records every targeted customer once:
 * a stable share of them (by a hash of campaign and customer) is kept back as the holdout and not contacted, so
 * the results compare like with like, the way the seeds measured conversion and revenue lift.
 */
@Service
public class Campaigns {

    static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "FACEBOOK", "X", "IN_STORE");

    private final JdbcClient jdbc;
    private final Audiences audiences;
    private final ScoringRuns runs;
    private final ExchangeRates rates;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Audiences audiences, ScoringRuns runs, ExchangeRates rates,
            Clock clock) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.runs = runs;
        this.rates = rates;
        this.clock = clock;
    }

    private static final String SELECT = """
            select c.*, a.name as audience_name, v.name as offer_name from campaign c
            join audience a on a.id = c.audience_id
            left join reward_rule_names v on v.rule_id = c.offer_rule_id
            """;

    @Transactional
    public Campaign create(@Nullable String name, @Nullable Long audienceId, @Nullable String channel,
            @Nullable String message, @Nullable Long offerRuleId, @Nullable Integer holdoutPercent,
            @Nullable String startsAt, @Nullable String endsAt, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 120 || !TextRules.isStorable(n, false)) {
            errors.add(new FieldError("name", "is required: 1 to 120 characters"));
        }
        if (audienceId == null) {
            errors.add(new FieldError("audienceId", "is required: save a filtered list as an audience first"));
        } else if (jdbc.sql("select count(*) from audience where id = ?").param(audienceId).query(Long.class)
                .single() == 0) {
            errors.add(new FieldError("audienceId", "no audience " + audienceId));
        }
        String ch = channel == null ? "" : channel.strip().toUpperCase(Locale.ROOT);
        if (!CHANNELS.contains(ch)) {
            errors.add(new FieldError("channel", "must be one of EMAIL, SMS, FACEBOOK, X, IN_STORE"));
        }
        String m = message == null ? "" : message.strip();
        if (m.isEmpty() || m.length() > 2000 || !TextRules.isStorable(m, true)) {
            errors.add(new FieldError("message", "is required: 1 to 2,000 characters"));
        }
        if (offerRuleId != null && jdbc.sql("select count(*) from reward_rule_names where rule_id = ?").param(offerRuleId)
                .query(Long.class).single() == 0) {
            errors.add(new FieldError("offerRuleId", "no reward rule " + offerRuleId));
        }
        int holdout = holdoutPercent == null ? 10 : holdoutPercent;
        if (holdout < 0 || holdout > 50) {
            errors.add(new FieldError("holdoutPercent", "must be between 0 and 50"));
        }
        Instant start = instant(startsAt, "startsAt", clock.instant(), errors);
        Instant end = instant(endsAt, "endsAt", start == null ? null : start.plusSeconds(30L * 86400), errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = jdbc.sql("""
                        insert into campaign (name, audience_id, channel, message, offer_rule_id, holdout_percent,
                                              starts_at, ends_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(n, audienceId, ch, m, offerRuleId, holdout, Timestamp.from(start), Timestamp.from(end), actor)
                .query(Long.class).single();
        return get(id);
    }

    private static @Nullable Instant instant(@Nullable String value, String field, @Nullable Instant fallback,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + v + "' is not a date (2026-12-01) or a timestamp with offset"));
            return null;
        }
    }

    public Campaign get(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(Campaigns::row).optional()
                .orElseThrow(() -> new NotFoundException("no campaign " + id));
    }

    public List<Campaign> list() {
        return jdbc.sql(SELECT + " order by c.id desc limit 200").query(Campaigns::row).list();
    }

    /** Records the audience's consenting members as contacted or holdout; a campaign launches once. */
    @Transactional
    public long launch(long id) {
        Campaign campaign = get(id);
        jdbc.sql("select id from campaign where id = ? for update").param(id).query(Long.class).single();
        if (!get(id).status().equals("DRAFT")) {
            throw new ConflictException("status", "campaign " + id + " was launched already");
        }
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            throw new ConflictException("audienceId", "no scoring run yet: the audience has no members");
        }
        AudienceFilter filter = audiences.get(campaign.audienceId()).filter();
        List<Long> members = new ArrayList<>();
        String after = null;
        do {
            var page = audiences.browse(filter.withConsent(true), 500, after);
            page.items().forEach(m -> members.add(m.customerId()));
            after = page.next();
        } while (after != null);
        Instant now = clock.instant();
        java.util.Set<Long> holdout = HoldoutSplit.holdout(id, members, campaign.holdoutPercent());
        for (int i = 0; i < members.size(); i += 5000) {
            List<Long> part = members.subList(i, Math.min(members.size(), i + 5000));
            Long[] chunk = part.toArray(new Long[0]);
            Boolean[] held = part.stream().map(holdout::contains).toArray(Boolean[]::new);
            jdbc.sql("""
                            insert into campaign_contact (campaign_id, customer_id, holdout, contacted_at)
                            select ?, m, h, ? from unnest(?::bigint[], ?::boolean[]) as t(m, h)
                            on conflict do nothing""")
                    .params(id, Timestamp.from(now), chunk, held).update();
        }
        jdbc.sql("update campaign set status = 'LAUNCHED', launched_at = ? where id = ?")
                .params(Timestamp.from(now), id).update();
        return members.size();
    }

    public CampaignResults results(long id) {
        Campaign c = get(id);
        ExchangeRates base = rates;
        record Row(boolean holdout, long customers, long responders, long buyers) {
        }
        List<Row> rows = jdbc.sql("""
                        select cc.holdout, count(*),
                               count(*) filter (where exists (select 1 from order_facts o where o.customer_id = cc.customer_id
                                    and o.ordered_at >= :s and o.ordered_at < :e)
                                 or exists (select 1 from activity_facts a where a.actor_customer_id = cc.customer_id
                                    and a.occurred_at >= :s and a.occurred_at < :e)),
                               count(*) filter (where exists (select 1 from order_facts o where o.customer_id = cc.customer_id
                                    and o.amount_minor > 0 and o.ordered_at >= :s and o.ordered_at < :e))
                        from campaign_contact cc where cc.campaign_id = :id group by cc.holdout""")
                .param("s", Timestamp.from(c.startsAt())).param("e", Timestamp.from(c.endsAt())).param("id", id)
                .query((rs, n) -> new Row(rs.getBoolean(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        double[] revenue = new double[2];
        int digits = base.currency().getDefaultFractionDigits();
        jdbc.sql("""
                        select cc.holdout, o.currency, sum(o.amount_minor) from campaign_contact cc
                        join order_facts o on o.customer_id = cc.customer_id and o.ordered_at >= ? and o.ordered_at < ?
                        where cc.campaign_id = ? group by cc.holdout, o.currency""")
                .params(Timestamp.from(c.startsAt()), Timestamp.from(c.endsAt()), id)
                .query((rs, n) -> {
                    int group = rs.getBoolean(1) ? 1 : 0;
                    base.toBaseMinor(rs.getLong(3), rs.getString(2)).ifPresent(minor ->
                            revenue[group] += BigDecimal.valueOf(minor, digits).doubleValue());
                    return null;
                }).list();
        CampaignResults.Group contacted = new CampaignResults.Group(0, 0, 0, revenue[0]);
        CampaignResults.Group holdout = new CampaignResults.Group(0, 0, 0, revenue[1]);
        for (Row r : rows) {
            if (r.holdout()) {
                holdout = new CampaignResults.Group(r.customers(), r.responders(), r.buyers(), revenue[1]);
            } else {
                contacted = new CampaignResults.Group(r.customers(), r.responders(), r.buyers(), revenue[0]);
            }
        }
        return new CampaignResults(contacted, holdout,
                CampaignResults.lift(contacted.conversionRate(), holdout.conversionRate()),
                CampaignResults.lift(contacted.revenuePerCustomer(), holdout.revenuePerCustomer()),
                base.currency().getCurrencyCode());
    }

    /** Per day of the window so far: the share of each group that has responded (ordered or been active) by then. */
    public record ResponseCurve(List<java.time.LocalDate> days, List<Double> contacted, List<Double> holdout) {
    }

    /**
     * How the response builds up over the campaign window, contacted against holdout: for each UTC day from the
     * start to today (or the end), the share of the group whose first response in the window came by that day.
     * One pass over the contacts' first responses; days are at most the window's length.
     */
    public ResponseCurve responseOverTime(long id) {
        Campaign c = get(id);
        Instant until = c.endsAt().isBefore(clock.instant()) ? c.endsAt() : clock.instant();
        java.time.LocalDate first = c.startsAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        java.time.LocalDate last = until.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (last.isBefore(first)) {
            last = first;
        }
        long[] size = new long[2];
        java.util.Map<java.time.LocalDate, long[]> firsts = new java.util.HashMap<>();
        jdbc.sql("""
                        select cc.holdout, (least(
                                   (select min(o.ordered_at) from order_facts o where o.customer_id = cc.customer_id
                                      and o.ordered_at >= :s and o.ordered_at < :e),
                                   (select min(a.occurred_at) from activity_facts a where a.actor_customer_id = cc.customer_id
                                      and a.occurred_at >= :s and a.occurred_at < :e)) at time zone 'UTC')::date
                        from campaign_contact cc where cc.campaign_id = :id""")
                .param("s", Timestamp.from(c.startsAt())).param("e", Timestamp.from(c.endsAt())).param("id", id)
                .query((rs, n) -> {
                    int group = rs.getBoolean(1) ? 1 : 0;
                    size[group]++;
                    java.sql.Date day = rs.getDate(2);
                    if (day != null) {
                        firsts.computeIfAbsent(day.toLocalDate(), k -> new long[2])[group]++;
                    }
                    return null;
                }).list();
        List<java.time.LocalDate> days = new ArrayList<>();
        List<Double> contacted = new ArrayList<>();
        List<Double> held = new ArrayList<>();
        long[] so = new long[2];
        for (java.time.LocalDate d = first; !d.isAfter(last) && days.size() < 400; d = d.plusDays(1)) {
            long[] that = firsts.getOrDefault(d, new long[2]);
            so[0] += that[0];
            so[1] += that[1];
            days.add(d);
            contacted.add(size[0] == 0 ? 0 : Math.round(1000.0 * so[0] / size[0]) / 10.0);
            held.add(size[1] == 0 ? 0 : Math.round(1000.0 * so[1] / size[1]) / 10.0);
        }
        return new ResponseCurve(days, contacted, held);
    }

    static Campaign row(ResultSet rs, int n) throws SQLException {
        long offer = rs.getLong("offer_rule_id");
        Long offerId = rs.wasNull() ? null : offer;
        Timestamp launched = rs.getTimestamp("launched_at");
        return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getLong("audience_id"),
                rs.getString("audience_name"), rs.getString("channel"), rs.getString("message"), offerId,
                rs.getString("offer_name"), rs.getInt("holdout_percent"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("status"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), launched == null ? null : launched.toInstant());
    }
}
