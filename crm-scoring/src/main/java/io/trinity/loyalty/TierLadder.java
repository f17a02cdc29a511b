package io.trinity.loyalty;

import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tiers as configured by loyalty admins: names and thresholds of the fixed ladder Base, Silver, Gold, Summit. */
@Component
public class TierLadder {

    private final JdbcClient jdbc;

    TierLadder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tiers current() {
        return new Tiers(jdbc.sql("select code, name, threshold, rank from loyalty_tier order by rank")
                .query((rs, n) -> new Tier(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4))).list());
    }

    /**
     * Renames tiers and moves their thresholds. The lowest tier stays at 0 and each tier must need more points
     * than the one below. Members move on the next pass over their account (at once for those who earn).
     */
    @Transactional
    public Tiers update(Map<String, Tier> changes) {
        List<FieldError> errors = new ArrayList<>();
        List<Tier> next = new ArrayList<>();
        for (Tier tier : current().all()) {
            Tier change = changes.get(tier.code());
            if (change == null) {
                next.add(tier);
                continue;
            }
            String name = change.name() == null ? "" : change.name().strip();
            if (name.isEmpty() || name.length() > 40 || !TextRules.isStorable(name, false)) {
                errors.add(new FieldError(tier.code() + ".name", "must be 1 to 40 characters"));
            }
            if (tier.rank() == 0 && change.threshold() != 0) {
                errors.add(new FieldError(tier.code() + ".threshold", "the lowest tier starts at 0 points"));
            }
            if (change.threshold() < 0) {
                errors.add(new FieldError(tier.code() + ".threshold", "must not be negative"));
            }
            next.add(new Tier(tier.code(), name, change.threshold(), tier.rank()));
        }
        for (String code : changes.keySet()) {
            if (next.stream().noneMatch(t -> t.code().equals(code))) {
                errors.add(new FieldError(code, "is not a tier"));
            }
        }
        if (errors.isEmpty()) {
            try {
                new Tiers(next);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("threshold", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (Tier tier : next) {
            jdbc.sql("update loyalty_tier set name = ?, threshold = ? where code = ?")
                    .params(tier.name(), tier.threshold(), tier.code()).update();
        }
        return current();
    }
}
