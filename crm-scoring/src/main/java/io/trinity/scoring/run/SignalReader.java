package io.trinity.scoring.run;

import io.trinity.scoring.ScoringProperties;
import io.trinity.shared.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import io.trinity.database.BinaryCopyReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
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
 * Reads the signals of all customers (a full run) or of some (incremental) with four bulk reads that run side by
 * side on their own connections: customers with their identities, orders in the window, activities, and the
 * influence graph's edges. Each read is a binary COPY whose rows are summed per customer in Java as they stream
 * by (PostgreSQL's text conversions and spilling hash aggregates cost more than the sums themselves); the one
 * definition of each signal is here, for full runs and incremental rescoring alike.
 */
@Component
public class SignalReader {

    private final DataSource dataSource;

    SignalReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Signals read(LocalDate asOf, ScoringProperties settings, long @Nullable [] only, boolean withGraph) {
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowStart = asOf.minusDays(settings.windowDays() - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant postsFrom = asOf.minusDays(settings.postsWindowDays() - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Long> timings = new java.util.concurrent.ConcurrentHashMap<>();
            // The graph, the largest read, starts first.
            var graph = withGraph ? CompletableFuture.supplyAsync(timed("readGraph", timings,
                    () -> edges(end, settings)), pool) : CompletableFuture.completedFuture((Edges) null);
            var orders = CompletableFuture.supplyAsync(timed("readOrders", timings,
                    () -> orders(windowStart, end, settings, only)), pool);
            var activity = CompletableFuture.supplyAsync(timed("readActivity", timings,
                    () -> activity(end, postsFrom, settings, only)), pool);
            var customers = CompletableFuture.supplyAsync(timed("readCustomers", timings,
                    () -> customers(asOf, only)), pool);
            Signals signals = customers.join();
            signals.readTimings = timings;
            orders.join().applyTo(signals, asOf);
            activity.join().applyTo(signals, settings.postsWindowDays() / 30.0);
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
                select c.id, c.created_at,
                       ((c.first_name is not null)::int + (c.last_name is not null)::int + (c.email is not null)::int
                         + (c.phone is not null)::int + (c.city is not null)::int + (c.country is not null)::int)::int4,
                       c.marketing_consent, c.locale is not null,
                       coalesce(i.linked, 0)::int4, coalesce(i.followers, 0)::int8
                from customer_directory c
                left join (select customer_id, count(*) as linked, sum(coalesce(follower_count, 0)) as followers
                           from identity_directory where customer_id is not null %s
                           group by customer_id) i on i.customer_id = c.id
                where c.status = 'ACTIVE' %s
                order by c.id"""
                .formatted(only == null ? "" : "and customer_id = any(" + ids(only) + ")",
                        only == null ? "" : "and c.id = any(" + ids(only) + ")");
        Columns.Longs ids = new Columns.Longs();
        Columns.Longs age = new Columns.Longs();
        Columns.Longs fields = new Columns.Longs();
        Columns.Longs consent = new Columns.Longs();
        Columns.Longs prefs = new Columns.Longs();
        Columns.Longs linked = new Columns.Longs();
        Columns.Longs followers = new Columns.Longs();
        long asOfDay = asOf.toEpochDay();
        copy(sql, in -> {
            ids.add(in.int8());
            long createdDay = Math.floorDiv(in.timestampMicros(), MICROS_PER_DAY);
            age.add(Math.max(0, asOfDay - createdDay));
            fields.add(in.int4());
            consent.add(in.bool() ? 1 : 0);
            prefs.add(in.bool() ? 1 : 0);
            linked.add(in.int4());
            followers.add(in.int8());
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

    /**
     * Per-customer purchases in the window, summed as rows stream by: recency from the last purchase (amount
     * &gt; 0), frequency, and the net amount converted to the base currency's minor units.
     */
    static final class Orders {
        private static final int NONE = Integer.MIN_VALUE;
        final Slots slots;
        int[] lastPurchaseDay;
        int[] purchases;
        double[] monetary;
        long skipped;

        Orders(int expected) {
            slots = new Slots(expected);
            lastPurchaseDay = new int[expected];
            Arrays.fill(lastPurchaseDay, NONE);
            purchases = new int[expected];
            monetary = new double[expected];
        }

        int slot(long customerId) {
            int slot = slots.of(customerId);
            if (slot == purchases.length) {
                int size = Math.max(16, slot * 2);
                lastPurchaseDay = Arrays.copyOf(lastPurchaseDay, size);
                Arrays.fill(lastPurchaseDay, slot, size, NONE);
                purchases = Arrays.copyOf(purchases, size);
                monetary = Arrays.copyOf(monetary, size);
            }
            return slot;
        }

        /** Adds {@code count} purchases (or, negative, removes them), an amount, and a purchase day if later. */
        void add(int slot, int count, double amount, int purchaseDay) {
            purchases[slot] += count;
            monetary[slot] += amount;
            if (purchaseDay != NONE && purchaseDay > lastPurchaseDay[slot]) {
                lastPurchaseDay[slot] = purchaseDay;
            }
        }

        void applyTo(Signals s, LocalDate asOf) {
            long asOfDay = asOf.toEpochDay();
            for (int k = 0; k < slots.size(); k++) {
                if (purchases[k] <= 0) {
                    continue; // refunds only: no purchase in the window, unscored
                }
                int i = s.indexOf(slots.id(k));
                if (i >= 0) {
                    s.purchased[i] = true;
                    s.recencyDays[i] = (int) (asOfDay - lastPurchaseDay[k]);
                    s.frequency[i] = purchases[k];
                    // PostgreSQL's round(float8), used by the floor, rounds half to even, as rint does.
                    s.monetaryMinor[i] = (long) Math.rint(monetary[k]);
                }
            }
            s.skippedOrders = skipped;
        }

        static int day(long micros) {
            return (int) Math.floorDiv(micros, MICROS_PER_DAY);
        }
    }

    /** Conversion factors to the base currency's minor units, by {@link BinaryCopyReader#textKey()} of the code. */
    private record Rates(long[] keys, double[] factors, List<String> codes) {

        static Rates of(ScoringProperties settings) {
            // factor = rate × 10^(base digits − order currency digits): minor units to base minor units
            int baseDigits = Money.currency(settings.baseCurrency()).getDefaultFractionDigits();
            Map<String, Double> factors = new java.util.TreeMap<>();
            factors.put(settings.baseCurrency(), 1.0);
            for (Map.Entry<String, BigDecimal> rate : settings.rates().entrySet()) {
                if (!rate.getKey().equals(settings.baseCurrency())) {
                    int digits = Money.currency(rate.getKey()).getDefaultFractionDigits();
                    factors.put(rate.getKey(), rate.getValue().movePointRight(baseDigits - digits).doubleValue());
                }
            }
            List<String> codes = List.copyOf(factors.keySet());
            for (String code : codes) {
                if (!code.matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException("crm.scoring.rates: not a currency code: " + code);
                }
            }
            // Order currencies are three letters (a CHECK constraint), so their keys are exact.
            return new Rates(codes.stream().mapToLong(BinaryCopyReader::key).toArray(),
                    codes.stream().mapToDouble(factors::get).toArray(), codes);
        }

        /** The factor's index for a currency key, or -1 when the currency has no rate. */
        int indexOf(long key) {
            for (int f = 0; f < keys.length; f++) {
                if (keys[f] == key) {
                    return f;
                }
            }
            return -1;
        }

        String sqlArray() {
            return "array['" + String.join("','", codes) + "']::text[]";
        }
    }

    private Orders orders(Instant windowStart, Instant end, ScoringProperties settings, long @Nullable [] only) {
        Rates rates = Rates.of(settings);
        if (only == null) {
            return ordersFromTotals(windowStart, end, rates);
        }
        Orders orders = new Orders(only.length);
        copy("""
                select customer_id, ordered_at, amount_minor, currency from order_facts
                where ordered_at >= %s and ordered_at < %s and customer_id = any(%s)"""
                .formatted(timestamp(windowStart), timestamp(end), ids(only)), in -> addOrder(in, orders, rates, 1));
        return orders;
    }

    /**
     * Reads an order row ({@code customer_id, ordered_at, amount_minor, currency}) and adds it to its customer
     * ({@code sign} 1) or takes it out ({@code sign} -1: an order outside the window, already in the totals).
     */
    private static void addOrder(BinaryCopyReader in, Orders orders, Rates rates, int sign) throws SQLException {
        long customer = in.int8();
        long orderedAt = in.timestampMicros();
        long amount = in.int8();
        int f = rates.indexOf(in.textKey());
        if (f < 0) {
            orders.skipped += sign;
        } else {
            boolean purchase = amount > 0;
            orders.add(orders.slot(customer), purchase ? sign : 0, sign * amount * rates.factors()[f],
                    purchase && sign > 0 ? Orders.day(orderedAt) : Orders.NONE);
        }
    }

    /**
     * A full run's purchases: the all-time totals the database keeps per customer and currency, minus the orders
     * outside the window (read through their date index, normally a small share). Customers who bought after the
     * window's end have their latest purchase in the window looked up again; the result equals aggregating the
     * window's orders, which incremental rescoring does and a test compares.
     */
    private Orders ordersFromTotals(Instant windowStart, Instant end, Rates rates) {
        Orders orders = new Orders(1 << 16);
        copy("select customer_id, currency, orders, purchases, net_minor, last_purchase_at"
                + " from customer_purchase_totals", in -> {
            long customer = in.int8();
            int f = rates.indexOf(in.textKey());
            int count = in.int4();
            int purchases = in.int4();
            long net = in.int8();
            int lastDay = Orders.NONE;
            if (in.isNull()) {
                in.skip();
            } else {
                lastDay = Orders.day(in.timestampMicros());
            }
            if (f < 0) {
                orders.skipped += count;
            } else {
                orders.add(orders.slot(customer), purchases, net * rates.factors()[f], lastDay);
            }
        });
        copy("""
                select customer_id, ordered_at, amount_minor, currency from order_facts
                where ordered_at < %s or ordered_at >= %s""".formatted(timestamp(windowStart), timestamp(end)),
                in -> addOrder(in, orders, rates, -1));
        // The latest purchase of a customer who also bought after the window's end is the one before it: one
        // index probe per such customer, newest first on orders_customer_idx (max() becomes a backward scan).
        copy("""
                select l.customer_id,
                       (select max(o.ordered_at) from order_facts o
                        where o.customer_id = l.customer_id and o.ordered_at >= %2$s and o.ordered_at < %3$s
                          and o.amount_minor > 0 and o.currency = any(%1$s))
                from (select distinct customer_id from order_facts
                      where ordered_at >= %3$s and amount_minor > 0 and currency = any(%1$s)) l"""
                .formatted(rates.sqlArray(), timestamp(windowStart), timestamp(end)), in -> {
            int slot = orders.slot(in.int8());
            if (in.isNull()) {
                in.skip();
                orders.lastPurchaseDay[slot] = Orders.NONE; // every purchase after the window: none in it
            } else {
                orders.lastPurchaseDay[slot] = Orders.day(in.timestampMicros());
            }
        });
        return orders;
    }

    /** Per-actor activity: recency-decayed relationship events, publishing and amplification counts. */
    static final class Activity {
        static final int REVIEWS = 0, CONVERSATIONS = 1, REFERRALS = 2, CHECKINS = 3;
        final Slots slots;
        double[][] decayed = new double[4][];
        int[] recentPosts;
        int[] posts;
        long[] postEngagement;
        int[] amplifications;
        long[] amplificationEngagement;

        Activity(int expected) {
            slots = new Slots(expected);
            for (int i = 0; i < 4; i++) {
                decayed[i] = new double[expected];
            }
            recentPosts = new int[expected];
            posts = new int[expected];
            postEngagement = new long[expected];
            amplifications = new int[expected];
            amplificationEngagement = new long[expected];
        }

        int slot(long actor) {
            int slot = slots.of(actor);
            if (slot == posts.length) {
                int size = Math.max(16, slot * 2);
                for (int i = 0; i < 4; i++) {
                    decayed[i] = Arrays.copyOf(decayed[i], size);
                }
                recentPosts = Arrays.copyOf(recentPosts, size);
                posts = Arrays.copyOf(posts, size);
                postEngagement = Arrays.copyOf(postEngagement, size);
                amplifications = Arrays.copyOf(amplifications, size);
                amplificationEngagement = Arrays.copyOf(amplificationEngagement, size);
            }
            return slot;
        }

        void applyTo(Signals s, double months) {
            for (int k = 0; k < slots.size(); k++) {
                int i = s.indexOf(slots.id(k));
                if (i < 0) {
                    continue;
                }
                s.reviews[i] = decayed[REVIEWS][k];
                s.conversations[i] = decayed[CONVERSATIONS][k];
                s.referrals[i] = decayed[REFERRALS][k];
                s.checkins[i] = decayed[CHECKINS][k];
                s.postsPer30d[i] = recentPosts[k] / months;
                s.engagementPerPost[i] = posts[k] == 0 ? 0 : (double) postEngagement[k] / posts[k];
                s.amplification[i] = amplifications[k] + (double) amplificationEngagement[k];
            }
        }
    }

    private static final long POST = BinaryCopyReader.key("POST");
    private static final long SHARE = BinaryCopyReader.key("SHARE");
    private static final long MENTION = BinaryCopyReader.key("MENTION");
    private static final long COMMENT = BinaryCopyReader.key("COMMENT");
    private static final long REVIEW = BinaryCopyReader.key("REVIEW");
    private static final long REFERRAL = BinaryCopyReader.key("REFERRAL");
    private static final long CHECKIN = BinaryCopyReader.key("CHECKIN");

    private Activity activity(Instant end, Instant postsFrom, ScoringProperties settings, long @Nullable [] only) {
        // Follow edges are read by the graph query instead; activity types are fixed by a CHECK constraint.
        String sql = """
                select actor_customer_id, type, occurred_at, engagement from activity_facts
                where actor_customer_id is not null and type <> 'FOLLOW' and occurred_at < %s %s"""
                .formatted(timestamp(end), only == null ? "" : "and actor_customer_id = any(" + ids(only) + ")");
        long endMicros = micros(end);
        long postsFromMicros = micros(postsFrom);
        double halfLife = settings.halfLifeDays();
        Activity a = new Activity(only == null ? 1 << 16 : only.length);
        copy(sql, in -> {
            int slot = a.slot(in.int8());
            long type = in.textKey();
            long occurredAt = in.timestampMicros();
            long engagement = in.int8();
            int decayedAs = type == REVIEW ? Activity.REVIEWS
                    : type == COMMENT || type == MENTION ? Activity.CONVERSATIONS
                    : type == REFERRAL ? Activity.REFERRALS
                    : type == CHECKIN ? Activity.CHECKINS : -1;
            if (decayedAs >= 0) {
                double ageDays = (endMicros - occurredAt) / 1e6 / 86400.0;
                a.decayed[decayedAs][slot] += Math.pow(0.5, ageDays / halfLife);
            }
            if (type == POST || type == SHARE || type == MENTION) {
                a.posts[slot]++;
                a.postEngagement[slot] += engagement;
                if (occurredAt >= postsFromMicros) {
                    a.recentPosts[slot]++;
                }
                if (type != POST) {
                    a.amplifications[slot]++;
                    a.amplificationEngagement[slot] += engagement;
                }
            }
        });
        return a;
    }

    private record Edges(Columns.Longs sources, Columns.Longs targets, Columns.Doubles weights) {
    }

    private Edges edges(Instant end, ScoringProperties settings) {
        Edges edges = new Edges(new Columns.Longs(), new Columns.Longs(), new Columns.Doubles());
        var entries = List.copyOf(settings.edgeWeights().entrySet());
        long[] types = entries.stream().mapToLong(e -> BinaryCopyReader.key(e.getKey())).toArray();
        double[] weights = entries.stream().mapToDouble(Map.Entry::getValue).toArray();
        String sql = """
                select actor_customer_id, target_customer_id, type from activity_facts
                where target_customer_id is not null and actor_customer_id is not null
                  and actor_customer_id <> target_customer_id and occurred_at < %s""".formatted(timestamp(end));
        copy(sql, in -> {
            long source = in.int8();
            long target = in.int8();
            long type = in.textKey();
            for (int t = 0; t < types.length; t++) {
                if (types[t] == type) {
                    if (weights[t] > 0) {
                        edges.sources.add(source);
                        edges.targets.add(target);
                        edges.weights.add(weights[t]);
                    }
                    break;
                }
            }
        });
        return edges;
    }

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** A timestamp literal from a typed value (COPY takes no bind parameters). */
    private static String timestamp(Instant instant) {
        return "timestamptz '" + instant + "'";
    }

    /** An array literal of ids from a typed {@code long[]} (COPY takes no bind parameters). */
    private static String ids(long[] ids) {
        StringBuilder sql = new StringBuilder("'{");
        for (int i = 0; i < ids.length; i++) {
            sql.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return sql.append("}'::bigint[]").toString();
    }

    interface CopyRow {
        void accept(BinaryCopyReader in) throws SQLException;
    }

    /** Streams {@code select} with binary COPY on a read-only connection of its own, one call per row. */
    private void copy(String select, CopyRow row) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (BinaryCopyReader in = BinaryCopyReader.open(connection, select)) {
                while (in.next()) {
                    row.accept(in);
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
