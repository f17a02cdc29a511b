package io.trinity.scoring.run;

import io.trinity.core.loyalty.BaseCurrency;
import io.trinity.core.loyalty.MemberStanding;
import io.trinity.core.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives loyalty rules what the valuation knows: each customer's segment and influence score in the current run,
 * and purchase amounts in the base currency at the configured rates (the same as RFM's monetary value).
 */
@Component
class LoyaltyStanding implements MemberStanding, BaseCurrency {

    private final JdbcClient jdbc;
    private final ScoringProperties settings;

    LoyaltyStanding(JdbcClient jdbc, ScoringProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Map<Long, Standing> of(Collection<Long> customerIds) {
        Map<Long, Standing> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select customer_id, segment, influence_score from customer_value
                        where run_id = (select max(id) from scoring_run where status = 'succeeded')
                          and customer_id = any(?)""")
                .param(customerIds.toArray(new Long[0]))
                .query((rs, n) -> result.put(rs.getLong(1), new Standing(rs.getString(2), rs.getDouble(3)))).list();
        return result;
    }

    @Override
    public List<String> segments() {
        return CustomerValues.segmentNames();
    }

    @Override
    public Currency currency() {
        return Money.currency(settings.baseCurrency());
    }

    @Override
    public OptionalLong toBaseMinor(long minor, String code) {
        if (code.equals(settings.baseCurrency())) {
            return OptionalLong.of(minor);
        }
        BigDecimal rate = settings.rates().get(code);
        if (rate == null) {
            return OptionalLong.empty();
        }
        int digits = Money.currency(code).getDefaultFractionDigits();
        int baseDigits = currency().getDefaultFractionDigits();
        return OptionalLong.of(BigDecimal.valueOf(minor).multiply(rate).movePointRight(baseDigits - digits)
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
