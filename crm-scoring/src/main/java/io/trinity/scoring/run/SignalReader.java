package io.trinity.scoring.run;

import io.trinity.core.shared.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the signals of all customers (a full run) or of some (incremental) with four set-based queries that run
 * side by side on their own connections: customers with their identities, purchases in the window, activity
 * aggregates, and the influence graph's edges.
 */
@Component
class SignalReader {

    private static final int FETCH = 10_000;

    private final DataSource dataSource;

    SignalReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Signals read(LocalDate asOf, ScoringProperties settings, long @Nullable [] only, boolean withGraph) {
        Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp windowStart = Timestamp.from(
                asOf.minusDays(settings.windowDays() - 1L).atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp postsFrom = Timestamp.from(
                asOf.minusDays(settings.postsWindowDays() - 1L).atStartOfDay(ZoneOffset.UTC).toInstant());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Long> timings = new java.util.concurrent.ConcurrentHashMap<>();
            var customers = CompletableFuture.supplyAsync(timed("readCustomers", timings,
                    () -> customers(asOf, only)), pool);
            var orders = CompletableFuture.supplyAsync(timed("readOrders", timings,
                    () -> orders(asOf, windowStart, end, settings, only)), pool);
            var activity = CompletableFuture.supplyAsync(timed("readActivity", timings,
                    () -> activity(end, postsFrom, settings, only)), pool);
            var graph = withGraph ? CompletableFuture.supplyAsync(timed("readGraph", timings,
                    () -> edges(end, settings)), pool) : CompletableFuture.completedFuture((Edges) null);
            Signals signals = customers.join();
            signals.readTimings = timings;
            orders.join().applyTo(signals);
            activity.join().applyTo(signals);
            Edges edges = graph.join();
            if (edges != null) {
                signals.edgeSources = edges.sources.toArray();
                signals.edgeTargets = edges.targets.toArray();
                signals.edgeWeights = edges.weights.toArray();
            }
            return signals;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every active customer is scored, including one recorded after {@code asOf} (their age counts as 0). */
    private static <T> java.util.function.Supplier<T> timed(String name, Map<String, Long> timings,
            java.util.function.Supplier<T> work) {
        return () -> {
            long started = System.nanoTime();
            try {
                return work.get();
            } finally {
                timings.put(name, (System.nanoTime() - started) / 1_000_000);
            }
        };
    }

    private Signals customers(LocalDate asOf, long @Nullable [] only) {
        String sql = """
                select c.id, greatest(0, :asOf::date - (c.created_at at time zone 'UTC')::date) as age_days,
                       (c.first_name is not null)::int + (c.last_name is not null)::int + (c.email is not null)::int
                         + (c.phone is not null)::int + (c.city is not null)::int + (c.country is not null)::int
                         as profile_fields,
                       c.marketing_consent, c.locale is not null as preferences,
                       coalesce(i.linked, 0) as linked, coalesce(i.followers, 0) as followers
                from customer c
                left join (select customer_id, count(*) as linked, sum(coalesce(follower_count, 0)) as followers
                           from social_identity where customer_id is not null %s
                           group by customer_id) i on i.customer_id = c.id
                where c.status = 'ACTIVE' %s
                order by c.id"""
                .formatted(only == null ? "" : "and customer_id = any(:only)", only == null ? "" : "and c.id = any(:only)");
        Columns.Longs ids = new Columns.Longs();
        Columns.Longs age = new Columns.Longs();
        Columns.Longs fields = new Columns.Longs();
        Columns.Longs consent = new Columns.Longs();
        Columns.Longs prefs = new Columns.Longs();
        Columns.Longs linked = new Columns.Longs();
        Columns.Longs followers = new Columns.Longs();
        stream(sql, Map.of("asOf", java.sql.Date.valueOf(asOf)), only, rs -> {
            ids.add(rs.getLong(1));
            age.add(rs.getLong(2));
            fields.add(rs.getInt(3));
            consent.add(rs.getBoolean(4) ? 1 : 0);
            prefs.add(rs.getBoolean(5) ? 1 : 0);
            linked.add(rs.getLong(6));
            followers.add(rs.getLong(7));
        });
        Signals s = new Signals();
        int n = ids.size;
        s.ids = ids.toArray();
        s.ageDays = new int[n];
        s.profileFields = new int[n];
        s.consent = new boolean[n];
        s.preferences = new boolean[n];
        s.linkedIdentities = new int[n];
        s.followers = followers.toArray();
        for (int i = 0; i < n; i++) {
            s.ageDays[i] = (int) age.values[i];
            s.profileFields[i] = (int) fields.values[i];
            s.consent[i] = consent.values[i] == 1;
            s.preferences[i] = prefs.values[i] == 1;
            s.linkedIdentities[i] = (int) linked.values[i];
        }
        s.purchased = new boolean[n];
        s.recencyDays = new int[n];
        s.frequency = new int[n];
        s.monetaryMinor = new long[n];
        s.reviews = new double[n];
        s.conversations = new double[n];
        s.referrals = new double[n];
        s.checkins = new double[n];
        s.postsPer30d = new double[n];
        s.engagementPerPost = new double[n];
        s.amplification = new double[n];
        return s;
    }

    /** Per-customer purchases in the window, converted to the base currency's minor units. */
    private record Orders(Columns.Longs ids, Columns.Longs recency, Columns.Longs frequency, Columns.Longs monetary,
            long skipped) {

        void applyTo(Signals s) {
            for (int k = 0; k < ids.size; k++) {
                int i = s.indexOf(ids.values[k]);
                if (i >= 0) {
                    s.purchased[i] = true;
                    s.recencyDays[i] = (int) recency.values[k];
                    s.frequency[i] = (int) frequency.values[k];
                    s.monetaryMinor[i] = monetary.values[k];
                }
            }
            s.skippedOrders = skipped;
        }
    }

    private Orders orders(LocalDate asOf, Timestamp windowStart, Timestamp end, ScoringProperties settings,
            long @Nullable [] only) {
        // factor = rate × 10^(base digits − order currency digits): minor units to base minor units
        int baseDigits = Money.currency(settings.baseCurrency()).getDefaultFractionDigits();
        List<String> currencies = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        currencies.add(settings.baseCurrency());
        factors.add(1.0);
        for (Map.Entry<String, BigDecimal> rate : settings.rates().entrySet()) {
            if (rate.getKey().equals(settings.baseCurrency())) {
                continue;
            }
            int digits = Money.currency(rate.getKey()).getDefaultFractionDigits();
            currencies.add(rate.getKey());
            factors.add(rate.getValue().movePointRight(baseDigits - digits).doubleValue());
        }
        String filter = only == null ? "" : "and o.customer_id = any(:only)";
        String sql = """
                select o.customer_id,
                       :asOf::date - max((o.ordered_at at time zone 'UTC')::date) filter (where o.amount_minor > 0),
                       count(*) filter (where o.amount_minor > 0),
                       round(sum(o.amount_minor * r.factor))::bigint
                from orders o join (select * from unnest(:currencies::text[], :factors::float8[]) as x(currency, factor)) r
                     on r.currency = o.currency
                where o.ordered_at >= :from::timestamptz and o.ordered_at < :end::timestamptz %s
                group by o.customer_id
                having count(*) filter (where o.amount_minor > 0) > 0""".formatted(filter);
        Columns.Longs ids = new Columns.Longs();
        Columns.Longs recency = new Columns.Longs();
        Columns.Longs frequency = new Columns.Longs();
        Columns.Longs monetary = new Columns.Longs();
        Map<String, Object> params = Map.of("asOf", java.sql.Date.valueOf(asOf), "from", windowStart, "end", end,
                "currencies", currencies.toArray(String[]::new), "factors", factors.toArray(Double[]::new));
        stream(sql, params, only, rs -> {
            ids.add(rs.getLong(1));
            recency.add(rs.getLong(2));
            frequency.add(rs.getLong(3));
            monetary.add(rs.getLong(4));
        });
        long[] skipped = new long[1];
        stream("select count(*) from orders o where o.ordered_at >= :from::timestamptz and o.ordered_at < :end::timestamptz "
                        + "and not (o.currency = any(:currencies::text[])) " + filter,
                params, only, rs -> skipped[0] = rs.getLong(1));
        return new Orders(ids, recency, frequency, monetary, skipped[0]);
    }

    private record Activity(Columns.Longs ids, Columns.Doubles[] values) {

        void applyTo(Signals s) {
            for (int k = 0; k < ids.size; k++) {
                int i = s.indexOf(ids.values[k]);
                if (i < 0) {
                    continue;
                }
                s.reviews[i] = values[0].values[k];
                s.conversations[i] = values[1].values[k];
                s.referrals[i] = values[2].values[k];
                s.checkins[i] = values[3].values[k];
                s.postsPer30d[i] = values[4].values[k];
                s.engagementPerPost[i] = values[5].values[k];
                s.amplification[i] = values[6].values[k];
            }
        }
    }

    private Activity activity(Timestamp end, Timestamp postsFrom, ScoringProperties settings,
            long @Nullable [] only) {
        // Aggregate arguments are evaluated only for rows their FILTER admits, so the decay is computed only
        // for the events it applies to; follow edges are read by the graph query instead.
        String sql = """
                select actor_customer_id,
                       coalesce(sum(%1$s) filter (where type = 'REVIEW'), 0),
                       coalesce(sum(%1$s) filter (where type in ('COMMENT', 'MENTION')), 0),
                       coalesce(sum(%1$s) filter (where type = 'REFERRAL'), 0),
                       coalesce(sum(%1$s) filter (where type = 'CHECKIN'), 0),
                       count(*) filter (where type in ('POST', 'SHARE', 'MENTION') and occurred_at >= :postsFrom::timestamptz),
                       count(*) filter (where type in ('POST', 'SHARE', 'MENTION')),
                       coalesce(sum(engagement) filter (where type in ('POST', 'SHARE', 'MENTION')), 0),
                       count(*) filter (where type in ('SHARE', 'MENTION')),
                       coalesce(sum(engagement) filter (where type in ('SHARE', 'MENTION')), 0)
                from activity
                where actor_customer_id is not null and type <> 'FOLLOW' and occurred_at < :end::timestamptz %2$s
                group by actor_customer_id"""
                .formatted("power(0.5, extract(epoch from (:end::timestamptz - occurred_at)) / 86400.0 / :halfLife::float8)",
                        only == null ? "" : "and actor_customer_id = any(:only)");
        Columns.Longs ids = new Columns.Longs();
        Columns.Doubles[] values = new Columns.Doubles[7];
        for (int i = 0; i < values.length; i++) {
            values[i] = new Columns.Doubles();
        }
        double months = settings.postsWindowDays() / 30.0;
        stream(sql, Map.of("end", end, "postsFrom", postsFrom, "halfLife", settings.halfLifeDays()), only, rs -> {
            ids.add(rs.getLong(1));
            values[0].add(rs.getDouble(2));
            values[1].add(rs.getDouble(3));
            values[2].add(rs.getDouble(4));
            values[3].add(rs.getDouble(5));
            values[4].add(rs.getLong(6) / months);
            long posts = rs.getLong(7);
            values[5].add(posts == 0 ? 0 : rs.getDouble(8) / posts);
            values[6].add(rs.getLong(9) + rs.getDouble(10));
        });
        return new Activity(ids, values);
    }

    private record Edges(Columns.Longs sources, Columns.Longs targets, Columns.Doubles weights) {
    }

    private Edges edges(Timestamp end, ScoringProperties settings) {
        Edges edges = new Edges(new Columns.Longs(), new Columns.Longs(), new Columns.Doubles());
        String sql = """
                select a.actor_customer_id, a.target_customer_id, w.weight
                from activity a join (select * from unnest(:types::text[], :weights::float8[]) as x(type, weight)) w
                     on w.type = a.type
                where a.target_customer_id is not null and a.actor_customer_id is not null
                  and a.actor_customer_id <> a.target_customer_id and a.occurred_at < :end::timestamptz and w.weight > 0""";
        Map<String, Object> params = Map.of("end", end,
                "types", settings.edgeWeights().keySet().toArray(String[]::new),
                "weights", settings.edgeWeights().values().toArray(Double[]::new));
        stream(sql, params, null, rs -> {
            edges.sources.add(rs.getLong(1));
            edges.targets.add(rs.getLong(2));
            edges.weights.add(rs.getDouble(3));
        });
        return edges;
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a query with :named parameters, streaming its rows (server-side cursor) into {@code row}. */
    private void stream(String sql, Map<String, Object> params, long @Nullable [] only, Row row) {
        List<Object> values = new ArrayList<>();
        StringBuilder jdbcSql = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            Object value = name.equals("only") ? only : params.get(name);
            if (value == null && !params.containsKey(name) && !name.equals("only")) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            values.add(value);
            m.appendReplacement(jdbcSql, "?");
        }
        m.appendTail(jdbcSql);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement ps = connection.prepareStatement(jdbcSql.toString())) {
                ps.setFetchSize(FETCH);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof long[] longs) {
                        ps.setArray(i + 1, connection.createArrayOf("bigint",
                                java.util.Arrays.stream(longs).boxed().toArray()));
                    } else if (value instanceof String[] strings) {
                        ps.setArray(i + 1, connection.createArrayOf("text", strings));
                    } else if (value instanceof Double[] doubles) {
                        ps.setArray(i + 1, connection.createArrayOf("float8", doubles));
                    } else {
                        ps.setObject(i + 1, value);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading scoring signals failed: " + e.getMessage(), e);
        }
    }
}
