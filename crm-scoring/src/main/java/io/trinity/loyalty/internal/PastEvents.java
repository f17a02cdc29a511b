package io.trinity.loyalty.internal;

import io.trinity.loyalty.ReferralRole;
import io.trinity.loyalty.Trigger;
import io.trinity.scoring.ExchangeRates;
import io.trinity.activity.ActivityType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds, from what is stored, the loyalty events of a period for one trigger, with the same source keys that
 * ingest gives them, so a replay is as idempotent as live evaluation. Segment entries are not replayable.
 */
@Component
public class PastEvents {

    private final JdbcTemplate template;
    private final ExchangeRates rates;

    PastEvents(JdbcTemplate template, ExchangeRates rates) {
        this.template = template;
        this.rates = rates;
    }

    public List<LoyaltyEvent> events(Trigger trigger, Instant from, Instant until) {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        List<LoyaltyEvent> events = new ArrayList<>();
        JdbcTemplate template = new JdbcTemplate(java.util.Objects.requireNonNull(this.template.getDataSource()));
        template.setFetchSize(10_000);
        switch (trigger) {
            case PURCHASE -> template.query("""
                    select external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id from order_facts
                    where ordered_at > ? and ordered_at <= ? and amount_minor > 0 order by ordered_at, id""", rs -> {
                OptionalLong base = rates.toBaseMinor(rs.getLong(4), rs.getString(5));
                events.add(LoyaltyEvent.purchase(LoyaltyIngest.orderKey(rs.getString(1)), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), base.isPresent() ? base.getAsLong() : null, rs.getString(6),
                        rs.getString(7)));
            }, f, u);
            case SHARE, POST_MENTIONING_BRAND, COMMENT, CHECKIN, REVIEW -> {
                ActivityType type = switch (trigger) {
                    case SHARE -> ActivityType.SHARE;
                    case POST_MENTIONING_BRAND -> ActivityType.MENTION;
                    case COMMENT -> ActivityType.COMMENT;
                    case CHECKIN -> ActivityType.CHECKIN;
                    default -> ActivityType.REVIEW;
                };
                template.query("""
                        select network, external_id, actor_customer_id, occurred_at, target_store_id, text
                        from activity_facts where type = ? and actor_customer_id is not null
                          and occurred_at > ? and occurred_at <= ? order by occurred_at, id""", rs -> {
                    events.add(LoyaltyEvent.social("activity:" + rs.getString(1) + ":" + rs.getString(2), trigger,
                            rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getString(1), rs.getString(5),
                            rs.getString(6)));
                }, type.name(), f, u);
            }
            case IDENTITY_LINKED -> template.query("""
                    select id, network, customer_id, linked_at from identity_directory
                    where customer_id is not null and linked_at > ? and linked_at <= ? order by linked_at, id""",
                    rs -> {
                        events.add(LoyaltyEvent.simple("identity:" + rs.getLong(1), trigger, rs.getLong(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(2), null));
                    }, f, u);
            case REFERRAL_CONVERTED -> {
                Map<Long, Integer> converted = new HashMap<>();
                template.query("""
                        select id, referrer_id, referred_id, converted_at,
                               (select count(*) from referral p where p.referrer_id = r.referrer_id
                                and p.converted_at is not null and p.converted_at < ?) as before
                        from referral r where converted_at > ? and converted_at <= ? order by converted_at, id""",
                        rs -> {
                            long referrer = rs.getLong(2);
                            int count = converted.merge(referrer, 1, Integer::sum) + rs.getInt(5);
                            Instant at = rs.getTimestamp(4).toInstant();
                            events.add(LoyaltyEvent.referral("referral:" + rs.getLong(1) + ":referrer", referrer, at,
                                    ReferralRole.REFERRER, count));
                            events.add(LoyaltyEvent.referral("referral:" + rs.getLong(1) + ":referred",
                                    rs.getLong(3), at, ReferralRole.REFERRED, count));
                        }, f, f, u);
            }
            case PROFILE_COMPLETED -> template.query("""
                    select id, updated_at from customer_directory where updated_at > ? and updated_at <= ?
                      and first_name is not null and last_name is not null and email is not null
                      and phone is not null and city is not null and country is not null and birth_date is not null""",
                    rs -> {
                        events.add(LoyaltyEvent.simple("profile:" + rs.getLong(1), trigger, rs.getLong(1),
                                rs.getTimestamp(2).toInstant(), null, null));
                    }, f, u);
            case BIRTHDAY -> {
                LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
                LocalDate last = until.atOffset(ZoneOffset.UTC).toLocalDate();
                for (; !day.isAfter(last); day = day.plusDays(1)) {
                    LocalDate d = day;
                    template.query("""
                            select id from customer_directory where birth_date is not null
                              and extract(month from birth_date) = ? and extract(day from birth_date) = ?""", rs -> {
                        events.add(LoyaltyEvent.simple("birthday:" + rs.getLong(1) + ":" + d.getYear(), trigger,
                                rs.getLong(1), d.atStartOfDay().toInstant(ZoneOffset.UTC), null, null));
                    }, d.getMonthValue(), d.getDayOfMonth());
                }
            }
            case SEGMENT_ENTERED -> {
                // not replayable, see the class comment
            }
        }
        return events;
    }
}
