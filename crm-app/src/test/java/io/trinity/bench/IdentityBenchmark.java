package io.trinity.bench;

import io.trinity.TrinityApplication;
import io.trinity.customer.CustomerBulkLoad;
import io.trinity.database.CopyWriter;
import io.trinity.demo.DuplicateMaker;
import io.trinity.demo.SyntheticPeople;
import io.trinity.demo.SyntheticPeople.Person;
import io.trinity.duplicates.DuplicateChecks;
import io.trinity.duplicates.DuplicateScans;
import io.trinity.duplicates.ScanView;
import io.trinity.duplicates.internal.MatchQuality;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a labelled base (the five markets' synthetic people, about 5 % duplicated with typos, nicknames, swaps,
 * moves, new e-mails …; the truth is each record's person, kept in its external id), runs the product's full
 * duplicate scan on it and prints the pairwise precision and recall of the stored pairs for the automatic band and
 * for automatic + review, the scan's time next to a floor (reading the same columns once), and the time of the
 * incremental check of one new customer.
 *
 * <p>Usage: {@code bench/identity.sh [people]} (default 1000000).
 */
public final class IdentityBenchmark {

    private IdentityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path dataDir = Path.of("target", "benchmark", "pgdata-identity-" + people).toAbsolutePath();
        SpringApplication app = new SpringApplication(TrinityApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--crm.embedded-db.data-dir=" + dataDir,
                "--crm.scoring.incremental-delay=24h", "--crm.demo.enabled=false", "--crm.identity.auto-merge=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--crm.social.key-file=" + dataDir.resolveSibling("credentials.key"))) {
            run(context, people);
        }
    }

    static void run(ConfigurableApplicationContext context, int people) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        if (jdbc.queryForObject("select count(*) from customer", Long.class) == 0) {
            System.out.printf("Generating %,d people with duplicates …%n", people);
            SyntheticPeople generator = new SyntheticPeople(42, "B-");
            List<Person> all = new DuplicateMaker(generator).withDuplicates(generator.people(people), 0.05);
            CustomerBulkLoad load = context.getBean(CustomerBulkLoad.class);
            Instant now = Instant.now();
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                c.setAutoCommit(false);
                java.util.Set<String> cards = new java.util.HashSet<>();
                try (CopyWriter out = load.open(c)) {
                    for (int i = 0; i < all.size(); i++) {
                        Person p = all.get(i);
                        // The truth travels in the external id: "B-<person>-<record>".
                        out.row((long) i + 1, "B-" + p.entity() + "-" + i, p.first(), p.last(), p.email(), p.phone(),
                                // A loyalty number is unique: a second record with it is the card-less account.
                                p.loyalty() != null && cards.add(p.loyalty()) ? p.loyalty() : null, p.locale(), p.city(), p.country(), false, null, now, now, p.birthDate(),
                                p.street(), p.postalCode(), p.region());
                    }
                }
                load.finish(c);
                c.commit();
            }
            jdbc.execute("vacuum analyze customer");
        }
        // The incremental customers of an earlier run on this base go, so every run measures the same base.
        String earlier = "select id from customer where external_id like 'B-inc-%'";
        jdbc.update("delete from duplicate_pair where customer_a in (" + earlier + ") or customer_b in (" + earlier
                + ")");
        jdbc.update("delete from duplicate_key where customer_id in (" + earlier + ")");
        jdbc.update("delete from customer where external_id like 'B-inc-%'");
        List<long[]> ids = jdbc.query("select id, external_id from customer where external_id like 'B-%' order by id",
                (rs, n) -> new long[] {rs.getLong(1), Long.parseLong(rs.getString(2).split("-")[1])});
        Map<Long, Integer> index = new HashMap<>();
        long[] entity = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i)[0], i);
            entity[i] = ids.get(i)[1];
        }
        long t = System.nanoTime();
        jdbc.query("select id, first_name, last_name, email, phone, loyalty_number, birth_date, street, postal_code,"
                + " city, country from customer where status = 'ACTIVE'", rs -> { });
        long floorMs = (System.nanoTime() - t) / 1_000_000;

        t = System.nanoTime();
        ScanView scan = context.getBean(DuplicateScans.class).runNow("benchmark");
        long scanMs = (System.nanoTime() - t) / 1_000_000;
        if (!scan.status().equals("succeeded")) {
            throw new IllegalStateException("scan failed: " + scan.error());
        }
        List<int[]> auto = new ArrayList<>();
        List<int[]> both = new ArrayList<>();
        jdbc.query("select customer_a, customer_b, band from duplicate_pair where status = 'open'", rs -> {
            int[] pair = {index.get(rs.getLong(1)), index.get(rs.getLong(2))};
            both.add(pair);
            if (rs.getString(3).equals("auto")) {
                auto.add(pair);
            }
        });
        int errors = Integer.getInteger("bench.errors", 0);
        if (errors > 0) {
            // -Dbench.errors=N: the first N wrong pairs, each record as stored and the pair's evidence.
            System.out.println("Wrong pairs (first " + errors + "):");
            jdbc.query("""
                    select p.band, p.probability, p.evidence::text, a.external_id, b.external_id,
                           concat_ws(' | ', a.first_name, a.last_name, a.email, a.phone, a.birth_date, a.street,
                                     a.postal_code, a.city, a.country),
                           concat_ws(' | ', b.first_name, b.last_name, b.email, b.phone, b.birth_date, b.street,
                                     b.postal_code, b.city, b.country)
                    from duplicate_pair p join customer a on a.id = p.customer_a join customer b on b.id = p.customer_b
                    where p.status = 'open'
                      and split_part(a.external_id, '-', 2) <> split_part(b.external_id, '-', 2)
                    order by p.probability desc limit ?""", rs -> {
                System.out.printf(Locale.ROOT, "%s %.6f%n  %s%n  %s%n  %s%n", rs.getString(1), rs.getDouble(2),
                        rs.getString(6), rs.getString(7), rs.getString(3));
            }, errors);
        }
        if (Boolean.getBoolean("bench.patterns")) {
            // -Dbench.patterns=true: right and wrong pairs per band and comparison pattern, most wrong first.
            System.out.println("band | right | wrong | pattern");
            jdbc.query("""
                    select p.band,
                           count(*) filter (where split_part(a.external_id, '-', 2) = split_part(b.external_id, '-', 2)),
                           count(*) filter (where split_part(a.external_id, '-', 2) <> split_part(b.external_id, '-', 2)),
                           (select string_agg(e ->> 'level', ' / ' order by e ->> 'field')
                            from jsonb_array_elements(p.evidence) e) as pattern
                    from duplicate_pair p join customer a on a.id = p.customer_a join customer b on b.id = p.customer_b
                    where p.status = 'open' group by 1, 4 order by 3 desc limit 40""", rs -> {
                System.out.printf(Locale.ROOT, "%s | %d | %d | %s%n", rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4));
            });
        }
        if (Boolean.getBoolean("bench.missed")) {
            missed(context, entity, both);
        }
        MatchQuality.Figures a = MatchQuality.of(entity, auto);
        MatchQuality.Figures b = MatchQuality.of(entity, both);

        // Incremental: one new customer, a messy copy of an existing person, checked against its candidates.
        DuplicateChecks checks = context.getBean(DuplicateChecks.class);
        List<Long> incremental = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            long id = jdbc.queryForObject("""
                    insert into customer (external_id, first_name, last_name, email, phone, city, country, street,
                                          postal_code, birth_date)
                    select 'B-inc-' || gen_random_uuid(), first_name, last_name || 'e', 'x' || email, phone, city,
                           country, street, postal_code, birth_date
                    from customer where id = ? returning id""", Long.class, 1000L + 7919L * k);
            t = System.nanoTime();
            checks.check(List.of(id));
            incremental.add((System.nanoTime() - t) / 1_000);
        }
        long[] sorted = incremental.stream().mapToLong(Long::longValue).sorted().toArray();

        System.out.println();
        System.out.printf(Locale.ROOT, "Identity benchmark, %s, %,d records (%,d people, %,d true duplicate pairs)%n",
                LocalDate.now(), entity.length, people, b.truePairs());
        System.out.println();
        System.out.println("| measurement | value | target |");
        System.out.println("|---|---:|---|");
        System.out.printf(Locale.ROOT, "| automatic band: pairs / precision / recall | %,d / %.5f / %.5f | precision ≥ 0.999 |%n",
                a.predictedPairs(), a.precision(), a.recall());
        System.out.printf(Locale.ROOT, "| automatic + review: pairs / precision / recall | %,d / %.5f / %.5f | precision ≥ 0.99, recall ≥ 0.98 |%n",
                b.predictedPairs(), b.precision(), b.recall());
        System.out.printf(Locale.ROOT, "| candidate pairs from blocking | %,d | |%n", scan.candidates());
        System.out.printf(Locale.ROOT, "| floor: read the matched columns once | %,d ms | |%n", floorMs);
        System.out.printf(Locale.ROOT, "| full scan (read, block, estimate, score, cluster, save) | %,d ms (%.1f × floor) | ≤ 60,000 ms at 1 M |%n",
                scanMs, (double) scanMs / Math.max(1, floorMs));
        System.out.printf(Locale.ROOT, "| incremental check of one new customer, median of 7 | %.1f ms (runs µs %s) | < 200 ms |%n",
                sorted[sorted.length / 2] / 1000.0, incremental);
        System.out.println();
        System.out.println("Estimated parameters: " + scan.parameters());
    }
    /** -Dbench.missed=true: the true pairs no band holds, by whether blocking proposed them and their pattern. */
    private static void missed(ConfigurableApplicationContext context, long[] entity, List<int[]> found) {
        var records = context.getBean(io.trinity.duplicates.internal.CustomerRecords.class).all();
        var model = context.getBean(io.trinity.duplicates.internal.ModelStore.class).current().orElseThrow().model();
        var comparator = io.trinity.duplicates.internal.Evidence.matcher(
                context.getBean(io.trinity.duplicates.DuplicateSettings.class)).comparator();
        java.util.Set<Long> kept = new java.util.HashSet<>();
        found.forEach(p -> kept.add(((long) Math.min(p[0], p[1]) << 32) | Math.max(p[0], p[1])));
        Map<Long, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < entity.length; i++) {
            byEntity.computeIfAbsent(entity[i], k -> new ArrayList<>(2)).add(i);
        }
        Map<String, Integer> patterns = new HashMap<>();
        for (List<Integer> group : byEntity.values()) {
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    int i = group.get(x);
                    int j = group.get(y);
                    if (kept.contains(((long) Math.min(i, j) << 32) | Math.max(i, j))) {
                        continue;
                    }
                    var a = records.get(Math.min(i, j));
                    var b = records.get(Math.max(i, j));
                    java.util.Set<Long> keys = new java.util.HashSet<>();
                    io.trinity.duplicates.internal.Blocking.keys(a).forEach(k -> keys.add(k.hash()));
                    boolean blocked = io.trinity.duplicates.internal.Blocking.keys(b).stream()
                            .anyMatch(k -> keys.contains(k.hash()));
                    byte[] g = comparator.compare(a, b);
                    StringBuilder pattern = new StringBuilder(blocked ? "blocked" : "NOT BLOCKED");
                    pattern.append(String.format(Locale.ROOT, " p<%.1f", Math.ceil(model.probability(g, b) * 10) / 10));
                    for (var e : model.explain(g, b)) {
                        pattern.append(" / ").append(e.field()).append('=').append(e.level());
                    }
                    patterns.merge(pattern.toString(), 1, Integer::sum);
                }
            }
        }
        System.out.println("Missed true pairs by pattern:");
        patterns.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(30)
                .forEach(e -> System.out.println(e.getValue() + " " + e.getKey()));
    }

}
