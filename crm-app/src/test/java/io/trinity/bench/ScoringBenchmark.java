package io.trinity.bench;

import io.trinity.TrinityApplication;
import io.trinity.scoring.run.CustomerChanges;
import io.trinity.demo.DemoDataGenerator;
import io.trinity.scoring.run.IncrementalRescorer;
import io.trinity.scoring.RunView;
import io.trinity.scoring.ScoringRuns;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a synthetic base (the demo generator, benchmark profile), then times a full scoring run per phase,
 * PageRank, and an incremental rescore of 1,000 customers, next to the floor: one hand-written
 * {@code INSERT … SELECT} computing the RFM quintiles over the same tables. Absolute times are noisy on a shared
 * 2-core machine, so the table prints ratios to the floor measured in the same run.
 *
 * <p>Usage: {@code bench/scoring.sh [customers] [repetitions]} (default 100000 and 3).
 */
public final class ScoringBenchmark {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    static final String FLOOR = """
            insert into rfm_floor (customer_id, recency_days, frequency, monetary_minor, r, f, m)
            select customer_id, recency_days, frequency, monetary_minor,
                   1 + (5 * (rank() over (order by recency_days desc) - 1)) / count(*) over (),
                   1 + (5 * (rank() over (order by frequency) - 1)) / count(*) over (),
                   1 + (5 * (rank() over (order by monetary_minor) - 1)) / count(*) over ()
            from (select o.customer_id,
                         date '2026-11-24' - max((o.ordered_at at time zone 'UTC')::date)
                             filter (where o.amount_minor > 0) as recency_days,
                         count(*) filter (where o.amount_minor > 0) as frequency,
                         round(sum(o.amount_minor * r.factor))::bigint as monetary_minor
                  from orders o
                  join (values ('USD', 1.0::float8), ('EUR', 1.08), ('NOK', 0.093)) r(currency, factor)
                       on r.currency = o.currency
                  where o.ordered_at >= timestamptz '2024-11-25 00:00:00+00'
                    and o.ordered_at < timestamptz '2026-11-25 00:00:00+00'
                  group by o.customer_id
                  having count(*) filter (where o.amount_minor > 0) > 0) s""";

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dataDir = Path.of("target", "benchmark", "pgdata-" + customers).toAbsolutePath();
        SpringApplication app = new SpringApplication(TrinityApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--crm.embedded-db.data-dir=" + dataDir,
                "--crm.scoring.incremental-delay=24h", "--crm.demo.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--crm.social.key-file=" + dataDir.resolveSibling("credentials.key"))) {
            run(context, customers, repetitions, dataDir);
        }
    }

    static void run(ConfigurableApplicationContext context, int customers, int repetitions, Path dataDir) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ScoringRuns runs = context.getBean(ScoringRuns.class);
        Long existing = jdbc.queryForObject("select count(*) from customer", Long.class);
        long generationMs = -1;
        if (existing == null || existing == 0) {
            System.out.printf("Generating %,d customers into %s …%n", customers, dataDir);
            DemoDataGenerator.Summary summary = context.getBean(DemoDataGenerator.class)
                    .generate(customers, 20261124L, DemoDataGenerator.Scale.BENCHMARK);
            generationMs = summary.millis();
            jdbc.execute("vacuum analyze");
        }
        long orders = count(jdbc, "orders");
        long activities = count(jdbc, "activity");
        long follows = jdbc.queryForObject("select count(*) from activity where type = 'FOLLOW'", Long.class);
        jdbc.execute("create unlogged table if not exists rfm_floor (customer_id bigint primary key, "
                + "recency_days int, frequency int, monetary_minor bigint, r int, f int, m int)");

        List<Long> floor = new ArrayList<>();
        List<RunView> full = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            jdbc.execute("truncate rfm_floor");
            long t = System.nanoTime();
            jdbc.execute(FLOOR);
            floor.add((System.nanoTime() - t) / 1_000_000);
            RunView run = runs.runNow(AS_OF, "benchmark");
            if (!run.status().equals("succeeded")) {
                throw new IllegalStateException("run failed: " + run.error());
            }
            full.add(run);
            // Keep only the newest run's snapshot, as a production retention job would.
            jdbc.queryForList("select id from scoring_run where id < ?", Long.class, run.id())
                    .forEach(old -> jdbc.execute("drop table if exists customer_value_r" + old));
        }
        CustomerChanges changes = context.getBean(CustomerChanges.class);
        IncrementalRescorer incremental = context.getBean(IncrementalRescorer.class);
        List<Long> incrementalMs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        long maxId = jdbc.queryForObject("select max(id) from customer", Long.class);
        for (int i = 0; i < repetitions; i++) {
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < 1_000; k++) {
                ids.add(1 + random.nextLong(maxId));
            }
            changes.mark(ids);
            long t = System.nanoTime();
            int rescored = incremental.refresh(1_000);
            incrementalMs.add((System.nanoTime() - t) / 1_000_000);
            if (rescored < 990) {
                throw new IllegalStateException("incremental rescored only " + rescored);
            }
        }

        long floorMs = median(floor);
        System.out.println();
        System.out.printf(Locale.ROOT, "Scoring benchmark, %s, %,d customers, %,d orders, %,d activities "
                        + "(%,d follow edges); median of %d%n", LocalDate.now(), customers, orders, activities,
                follows, repetitions);
        if (generationMs >= 0) {
            System.out.printf(Locale.ROOT, "Data generation: %,d ms%n", generationMs);
        }
        System.out.println();
        System.out.println("| measurement | median ms | runs (ms) | × floor | target |");
        System.out.println("|---|---:|---|---:|---|");
        row("floor: RFM quintiles in one INSERT … SELECT", floor, floorMs, "");
        Map<String, String> phases = new java.util.LinkedHashMap<>();
        phases.put("read", "full run: read (four binary COPY reads side by side)");
        phases.put("pageRank", "full run: PageRank");
        phases.put("score", "full run: RFM quintiles and percentile tables");
        phases.put("write", "full run: write");
        phases.put("copy", "… of which each row scored and streamed by COPY");
        phases.put("indexes", "… of which indexes built and partition attached");
        phases.forEach((phase, label) -> row(label, full.stream().map(r -> timing(r, phase)).toList(), floorMs,
                phase.equals("pageRank") ? "≤ 5,000 ms" : ""));
        row("full run: total", full.stream().map(r -> timing(r, "total")).toList(), floorMs, "≤ 1.5 × floor");
        row("incremental rescore of 1,000 customers", incrementalMs, floorMs, "< 1,000 ms");
        System.out.println();
        for (RunView run : full) {
            System.out.println("Run " + run.id() + " report: " + run.reportJson());
        }
    }

    private static void row(String name, List<Long> values, long floorMs, String target) {
        long median = median(values);
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.2f | %s |%n", name, median, values, 
                (double) median / floorMs, target);
    }

    private static long timing(RunView run, String phase) {
        Matcher m = Pattern.compile("\"" + phase + "\": ?(\\d+)").matcher(run.reportJson());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

}
