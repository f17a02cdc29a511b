package io.trinity.moments;

import io.trinity.scoring.ScoringRuns;
import io.trinity.shared.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service team's worklist: the customers each moment of truth holds right now, oldest first, over the whole
 * base (the same tests as {@link MomentRules}, written as set-based SQL so a million customers are not evaluated one
 * by one). A moment someone acted on (a case opened, marked done) since it began leaves the queue.
 */
@Service
public class MomentQueue {

    /** A customer waiting in a moment's queue: since when, and what to do. */
    public record Item(long customerId, String name, @Nullable String city, Instant since, String action) {
    }

    /** A moment with its queue's length. */
    public record Count(String rule, String priority, long customers) {
    }

    /** What one moment's queue is, as SQL over the published read models: customer_id, since, detail. */
    private record QueueSql(String rule, String select, java.util.function.Function<Long, String> action) {
    }

    private static final String NEGATIVE = "a.sentiment = 'NEGATIVE' and a.type in ('MENTION', 'COMMENT', 'REVIEW')";

    private final NamedParameterJdbcTemplate jdbc;
    private final ScoringRuns runs;
    private final Clock clock;
    private final Map<String, QueueSql> queues = new LinkedHashMap<>();

    MomentQueue(NamedParameterJdbcTemplate jdbc, ScoringRuns runs, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.clock = clock;
        add("Influencer complaint", """
                select a.actor_customer_id as customer_id, min(a.occurred_at) as since, 0 as detail
                from activity_facts a join customer_value v on v.customer_id = a.actor_customer_id
                 and v.run_id = :run
                where %s and a.occurred_at > cast(:now as timestamptz) - interval '24 hours' and v.influence_score >= :influence
                group by a.actor_customer_id""".formatted(NEGATIVE),
                d -> "Respond personally, today: this customer's audience is watching.");
        add("Complaint without a case", """
                select a.actor_customer_id as customer_id, min(a.occurred_at) as since, 0 as detail
                from activity_facts a
                where %s and a.actor_customer_id is not null and a.occurred_at > cast(:now as timestamptz) - interval '7 days'
                  and not exists (select 1 from case_facts c where c.activity_id = a.id)
                group by a.actor_customer_id""".formatted(NEGATIVE),
                d -> "Open a service case from the complaint and answer it.");
        add("Birthday this week", """
                select c.id as customer_id, cast(:weekAgo as timestamptz) as since,
                       case when extract(month from c.birth_date) = :month and extract(day from c.birth_date) = :day
                            then 0 else 1 end as detail
                from customer_directory c
                where c.birth_date is not null and c.status = 'ACTIVE'
                  and (extract(month from c.birth_date), extract(day from c.birth_date)) in (%s)""",
                d -> d <= 0 ? "Wish them a happy birthday today."
                        : "Birthday soon: send wishes and the birthday offer.");
        add("Champion at risk", """
                select v.customer_id, cast(:runAt as timestamptz) as since, 0 as detail from customer_value v
                where v.run_id = :run and v.segment = 'At risk'""", d -> "Send a personal win-back offer.");
        add("Hidden advocate", """
                select v.customer_id, cast(:runAt as timestamptz) as since, 0 as detail from customer_value v
                where v.run_id = :run and v.segment = 'Hidden advocates'""",
                d -> "Invite them to the ambassador programme or a product preview.");
    }

    private void add(String rule, String select, java.util.function.Function<Long, String> action) {
        queues.put(rule, new QueueSql(rule, select, action));
    }

    /** The moments with a queue, in the rules' order (the tier moment needs per-customer points: profile only). */
    public List<String> rules() {
        return List.copyOf(queues.keySet());
    }

    /** Counts are kept this long (and dropped when someone acts): every home and worklist page shows them. */
    static final java.time.Duration COUNTS_FOR = java.time.Duration.ofSeconds(30);

    private volatile @Nullable Counted counted;

    private record Counted(List<Count> counts, Instant at) {
    }

    /** Each moment's queue length, at most {@link #COUNTS_FOR} old. */
    public List<Count> counts() {
        return counts(false);
    }

    /** Each moment's queue length; {@code fresh} counts now whatever was counted before. */
    public List<Count> counts(boolean fresh) {
        Counted c = fresh ? null : counted;
        Instant now = clock.instant();
        if (c != null && c.at().plus(COUNTS_FOR).isAfter(now) && !c.at().isAfter(now)) {
            return c.counts();
        }
        List<Count> counts = count();
        counted = new Counted(counts, now);
        return counts;
    }

    private List<Count> count() {
        List<Count> out = new ArrayList<>();
        MapSqlParameterSource p = params();
        for (QueueSql q : queues.values()) {
            Long n = !p.hasValue("run") && needsRun(q) ? Long.valueOf(0) : jdbc.queryForObject(
                    "select count(*) from (" + waiting(q) + ") w", p, Long.class);
            out.add(new Count(q.rule(), priority(q.rule()), n == null ? 0 : n));
        }
        return out;
    }

    /** One moment's queue, oldest first. */
    public List<Item> queue(String rule, int limit, int offset) {
        QueueSql q = queues.get(rule);
        if (q == null) {
            throw new InvalidInputException("moment", "is not a moment with a queue: " + String.join(", ", rules()));
        }
        MapSqlParameterSource bound = params();
        if (!bound.hasValue("run") && needsRun(q)) {
            return List.of();
        }
        bound.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query("""
                select w.customer_id, concat_ws(' ', c.first_name, c.last_name) as name, c.city, w.since, w.detail
                from (%s) w join customer_directory c on c.id = w.customer_id
                order by w.since, w.customer_id limit :limit offset :offset""".formatted(waiting(q)), bound,
                (rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        q.action().apply(rs.getLong(5))));
    }

    /** Someone acted on a customer's moment: it leaves the queue until the moment begins again. */
    @Transactional
    public void acted(long customerId, String rule, String action, @Nullable Long caseId, String actor) {
        counted = null;
        if (!queues.containsKey(rule) && MomentRules.DEFAULT.stream().noneMatch(r -> r.name().equals(rule))) {
            throw new InvalidInputException("moment", "is not a moment of truth: " + rule);
        }
        jdbc.update("""
                insert into moment_action (customer_id, rule, action, case_id, actor)
                values (:customer, :rule, :action, :caseId, :actor)""", new MapSqlParameterSource()
                .addValue("customer", customerId).addValue("rule", rule).addValue("action", action)
                .addValue("caseId", caseId).addValue("actor", actor));
    }

    private String waiting(QueueSql q) {
        return """
                select m.* from (%s) m
                where not exists (select 1 from moment_action x where x.rule = :rule_%d and x.customer_id = m.customer_id
                                    and x.acted_at >= m.since)""".formatted(q.select().contains("%s")
                ? q.select().formatted(birthdays()) : q.select(), ruleIndex(q));
    }

    private int ruleIndex(QueueSql q) {
        return new ArrayList<>(queues.keySet()).indexOf(q.rule());
    }

    private boolean needsRun(QueueSql q) {
        return q.select().contains(":run");
    }

    /** The parameters every queue may use; without a scoring run yet, no "run" (value-based queues are empty). */
    private MapSqlParameterSource params() {
        Instant now = clock.instant();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("now", Timestamp.from(now))
                .addValue("month", today.getMonthValue()).addValue("day", today.getDayOfMonth())
                .addValue("weekAgo", Timestamp.from(now.minus(8, ChronoUnit.DAYS)))
                .addValue("influence", MomentRules.HIGH_INFLUENCE);
        List<String> rules = rules();
        for (int i = 0; i < rules.size(); i++) {
            p.addValue("rule_" + i, rules.get(i));
        }
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return p;
        }
        Timestamp runAt = jdbc.queryForObject("select coalesce(finished_at, started_at) from scoring_run where id = :id",
                new MapSqlParameterSource("id", run.getAsLong()), Timestamp.class);
        return p.addValue("run", run.getAsLong()).addValue("runAt", runAt);
    }

    /** (month, day) of today and the next 7 days; a 29 February birthday falls on 1 March in other years. */
    private String birthdays() {
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> days = new ArrayList<>();
        for (int i = 0; i <= 7; i++) {
            LocalDate d = today.plusDays(i);
            days.add("(" + d.getMonthValue() + ", " + d.getDayOfMonth() + ")");
            if (d.getMonthValue() == 3 && d.getDayOfMonth() == 1 && !d.isLeapYear()) {
                days.add("(2, 29)");
            }
        }
        return String.join(", ", days);
    }

    private static String priority(String rule) {
        return MomentRules.DEFAULT.stream().filter(r -> r.name().equals(rule)).map(MomentRule::priority).findFirst()
                .orElse("normal");
    }
}
