package io.trinity.loyalty;

import io.trinity.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's earning ceilings as admins set them (default 10,000 points per event, 25,000 per day). */
@Service
public class EarningCeilings {

    /** The ceilings and who last changed them. */
    public record Settings(long perEvent, long perDay, java.time.Instant updatedAt, String updatedBy) {
    }

    static final long MAX = 1_000_000_000L;

    private final JdbcClient jdbc;

    EarningCeilings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc.sql("select per_event, per_day, updated_at, updated_by from loyalty_ceiling")
                .query((rs, n) -> new Settings(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .optional().orElse(new Settings(EarningCeiling.DEFAULT.perEvent(), EarningCeiling.DEFAULT.perDay(),
                        java.time.Instant.EPOCH, "system"));
    }

    public EarningCeiling ceiling() {
        Settings s = current();
        return new EarningCeiling(s.perEvent(), s.perDay());
    }

    @Transactional
    public Settings change(long perEvent, long perDay, String by) {
        java.util.List<io.trinity.shared.FieldError> errors = new java.util.ArrayList<>();
        if (perEvent < 1 || perEvent > MAX) {
            errors.add(new io.trinity.shared.FieldError("perEvent", "must be between 1 and " + MAX));
        }
        if (perDay < 1 || perDay > MAX) {
            errors.add(new io.trinity.shared.FieldError("perDay", "must be between 1 and " + MAX));
        }
        if (errors.isEmpty() && perDay < perEvent) {
            errors.add(new io.trinity.shared.FieldError("perDay", "must be at least the per-event ceiling"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                insert into loyalty_ceiling (id, per_event, per_day, updated_at, updated_by)
                values (true, ?, ?, now(), ?)
                on conflict (id) do update set per_event = excluded.per_event, per_day = excluded.per_day,
                    updated_at = now(), updated_by = excluded.updated_by""").params(perEvent, perDay, by).update();
        return current();
    }
}
