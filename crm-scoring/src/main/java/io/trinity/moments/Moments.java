package io.trinity.moments;

import io.trinity.loyalty.LoyaltyAccounts;
import io.trinity.loyalty.LoyaltySummary;
import io.trinity.scoring.CustomerValue;
import io.trinity.scoring.CustomerValues;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Gathers a customer's facts (value, complaints, cases, tier, birthday) and runs the moment rules over them. */
@Service("momentsOfTruth") // "moments" is Spring Modulith's bean of passing time
public class Moments {

    private final JdbcClient jdbc;
    private final CustomerValues values;
    private final LoyaltyAccounts loyalty;
    private final Clock clock;

    Moments(JdbcClient jdbc, CustomerValues values, LoyaltyAccounts loyalty, Clock clock) {
        this.jdbc = jdbc;
        this.values = values;
        this.loyalty = loyalty;
        this.clock = clock;
    }

    public List<Moment> of(long customerId) {
        return MomentRules.evaluate(facts(customerId), MomentRules.DEFAULT);
    }

    public MomentFacts facts(long customerId) {
        CustomerValue value = values.valueOf(customerId).orElse(null);
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        int last24h = jdbc.sql("""
                        select count(*) from activity_facts where actor_customer_id = ? and sentiment = 'NEGATIVE'
                          and type in ('MENTION', 'COMMENT', 'REVIEW') and occurred_at > ?::timestamptz - interval '24 hours'""")
                .params(customerId, now).query(Integer.class).single();
        int noCase = jdbc.sql("""
                        select count(*) from activity_facts a where a.actor_customer_id = ? and a.sentiment = 'NEGATIVE'
                          and a.type in ('MENTION', 'COMMENT', 'REVIEW') and a.occurred_at > ?::timestamptz - interval '7 days'
                          and not exists (select 1 from case_facts c where c.activity_id = a.id)""")
                .params(customerId, now).query(Integer.class).single();
        int openCases = jdbc.sql("select count(*) from case_facts where customer_id = ? and status <> 'RESOLVED'")
                .param(customerId).query(Integer.class).single();
        LocalDate birth = jdbc.sql("select birth_date from customer_directory where id = ?").param(customerId)
                .query(LocalDate.class).optional().orElse(null);
        LoyaltySummary summary = loyalty.summary(customerId);
        return new MomentFacts(value == null ? null : value.influence().score(), value == null ? null
                : value.segment(), last24h, noCase, summary.nextTier() == null ? null : summary.nextTier().name(),
                summary.pointsToNextTier(), summary.nextTier() == null ? 0 : summary.nextTier().threshold(),
                daysToBirthday(birth, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate()), openCases);
    }

    static @Nullable Integer daysToBirthday(@Nullable LocalDate birth, LocalDate today) {
        if (birth == null) {
            return null;
        }
        MonthDay day = MonthDay.from(birth);
        LocalDate next = day.isValidYear(today.getYear()) ? day.atYear(today.getYear())
                : LocalDate.of(today.getYear(), 3, 1);
        if (next.isBefore(today)) {
            next = day.isValidYear(today.getYear() + 1) ? day.atYear(today.getYear() + 1)
                    : LocalDate.of(today.getYear() + 1, 3, 1);
        }
        return (int) ChronoUnit.DAYS.between(today, next);
    }
}
