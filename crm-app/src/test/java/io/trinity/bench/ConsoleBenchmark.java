package io.trinity.bench;

import io.trinity.TrinityApplication;
import io.trinity.demo.DemoDataGenerator;
import io.trinity.scoring.ScoringRuns;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console page latency on a large base: starts the application on the benchmark data (generated once, as for
 * the scoring benchmark), signs in through the login form, and times server-side page responses one at a time
 * (p50/p95/p99 over many requests after a warm-up) for the marketer's dashboard (page 1, page 10,000, filtered,
 * sorted by influence), the unified customer profile, and the PR inbox, next to the login page as the floor.
 *
 * <p>Usage: {@code bench/console.sh [customers] [requests]} (default 100000 and 200).
 */
public final class ConsoleBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dataDir = Path.of("target", "benchmark", "pgdata-" + customers).toAbsolutePath();
        SpringApplication app = new SpringApplication(TrinityApplication.class);
        try (ConfigurableApplicationContext context = app.run("--crm.embedded-db.data-dir=" + dataDir,
                "--server.port=0", "--crm.scoring.incremental-delay=24h", "--crm.demo.enabled=false",
                "--crm.social.scheduler-delay=24h", "--crm.loyalty.schedule=-", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--spring.datasource.hikari.maximum-pool-size=12",
                "--crm.social.key-file=" + dataDir.resolveSibling("credentials.key"))) {
            run(context, customers, requests);
        }
    }

    static void run(ConfigurableApplicationContext context, int customers, int requests) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long existing = jdbc.queryForObject("select count(*) from customer", Long.class);
        if (existing == null || existing == 0) {
            System.out.printf("Generating %,d customers …%n", customers);
            context.getBean(DemoDataGenerator.class).generate(customers, 20261124L, DemoDataGenerator.Scale.BENCHMARK);
            jdbc.execute("vacuum analyze");
        }
        ScoringRuns runs = context.getBean(ScoringRuns.class);
        if (runs.currentRunId().isEmpty()) {
            System.out.println("Scoring the base once …");
            runs.runNow(LocalDate.parse("2026-11-24"), "benchmark");
        }
        long run = runs.currentRunId().getAsLong();
        jdbc.execute("analyze customer_value_r" + run);
        String password = "bench-" + Long.toHexString(new SplittableRandom().nextLong());
        jdbc.update("insert into staff_user (username, password_hash, display_name) values ('bench', ?, 'Benchmark')"
                + " on conflict (username) do update set password_hash = excluded.password_hash, enabled = true",
                context.getBean(PasswordEncoder.class).encode(password));
        jdbc.update("insert into staff_user_role (user_id, role) select id, 'ADMIN' from staff_user"
                + " where username = 'bench' on conflict do nothing");

        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        login(http, base, password);

        long maxId = jdbc.queryForObject("select max(id) from customer", Long.class);
        // The cursor a marketer holds on page 10,000 (25 rows a page): the 250,000th customer by combined value.
        long scored = jdbc.queryForObject("select count(*) from customer_value where run_id = ?", Long.class, run);
        long deepPage = Math.min(10_000, scored / 25 - 1);
        Map<String, Object> deep = jdbc.queryForMap("select combined, customer_id from customer_value where run_id = ?"
                + " order by combined desc, customer_id desc offset ? limit 1", run, deepPage * 25 - 1);
        String page10k = Base64.getUrlEncoder().withoutPadding().encodeToString(("s1:" + Double.doubleToLongBits(
                ((Number) deep.get("combined")).doubleValue()) + ":" + deep.get("customer_id"))
                .getBytes(StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(7);
        Map<String, IntFunction<String>> pages = new LinkedHashMap<>();
        pages.put("floor: login page (no database)", i -> "/login");
        pages.put("home, as admin (all four teams' worklists)", i -> "/");
        pages.put("service moments worklist", i -> "/service/moments");
        pages.put("dashboard, page 1", i -> "/marketing");
        pages.put(String.format(Locale.ROOT, "dashboard, page %,d (keyset)", deepPage + 1),
                i -> "/marketing?after=" + page10k);
        pages.put("dashboard, by influence, consenting", i -> "/marketing?sort=influence&consent=given");
        pages.put("dashboard, Champions in the US", i -> "/marketing?segment=Champions&country=US");
        pages.put("count fragment, Champions in the US (htmx, after the page)",
                i -> "/marketing/count?segment=Champions&country=US");
        pages.put("charts fragment, by influence, consenting (htmx, after the list)",
                i -> "/marketing/charts?sort=influence&consent=given");
        pages.put("charts fragment, Champions in the US (htmx, after the list)",
                i -> "/marketing/charts?segment=Champions&country=US");
        pages.put("customer profile (random customer)", i -> "/customers/" + (1 + random.nextLong(maxId)));
        pages.put("customer profile, social only", i -> "/customers/" + (1 + random.nextLong(maxId))
                + "?timelineSource=social");
        pages.put("PR listening inbox (open, the default)", i -> "/pr/conversations");
        pages.put("PR listening inbox, all", i -> "/pr/conversations?handled=all");
        // Searches as people type them, on real customers of the base (a different one each request).
        java.util.List<Map<String, Object>> people = jdbc.queryForList("""
                select first_name, last_name, city, phone, loyalty_number, email from customer
                where first_name is not null and last_name is not null and phone is not null
                order by hashtext(id::text) limit 2000""");
        String commonFirst = jdbc.queryForObject("select first_name from customer group by 1 order by count(*) desc"
                + " limit 1", String.class);
        String commonCity = jdbc.queryForObject("select city from customer where city is not null group by 1"
                + " order by count(*) desc limit 1", String.class);
        IntFunction<Map<String, Object>> person = i -> people.get(i % people.size());
        pages.put("search: last and first name, any order", i -> search(person.apply(i).get("last_name") + " "
                + person.apply(i).get("first_name")));
        pages.put("search: first name, accent-free last name and city", i -> search(person.apply(i).get("first_name")
                + " " + plain((String) person.apply(i).get("last_name")) + " " + person.apply(i).get("city")));
        pages.put("search: phone number, its digits spaced", i -> search(((String) person.apply(i).get("phone"))
                .replaceAll("[^0-9]", "").replaceAll("(\\d{3})", "$1 ").strip()));
        pages.put("search: e-mail (one exact hit opens the profile)", i -> search((String) person.apply(i)
                .get("email")));
        pages.put("search: the most common first name (" + commonFirst + ")", i -> search(commonFirst));
        pages.put("search: the most common city (" + commonCity + ")", i -> search(commonCity));
        pages.put("customer picker (a last and first name typed)", i -> "/customers/picker?field=customer&customer="
                + URLEncoder.encode(person.apply(i).get("last_name") + " " + person.apply(i).get("first_name"),
                        StandardCharsets.UTF_8));
        pages.put("dashboard filtered by a search (last name)", i -> "/marketing?q="
                + URLEncoder.encode((String) person.apply(i).get("last_name"), StandardCharsets.UTF_8));
        Map<String, long[]> results = new LinkedHashMap<>();
        for (var page : pages.entrySet()) {
            for (int i = 0; i < 20; i++) {
                time(http, base + page.getValue().apply(i));
            }
            long[] micros = new long[requests];
            for (int i = 0; i < requests; i++) {
                micros[i] = time(http, base + page.getValue().apply(i));
            }
            java.util.Arrays.sort(micros);
            results.put(page.getKey(), micros);
        }
        double floorP95 = percentile(results.values().iterator().next(), 95);
        System.out.println();
        System.out.printf(Locale.ROOT, "Console benchmark, %s, %,d customers, %d sequential requests per page after"
                + " 20 warm-up requests%n%n", LocalDate.now(), customers, requests);
        System.out.println("| page | p50 ms | p95 ms | p99 ms | p95 × floor | target |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (var r : results.entrySet()) {
            double p95 = percentile(r.getValue(), 95);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %s |%n", r.getKey(),
                    percentile(r.getValue(), 50), p95, percentile(r.getValue(), 99), p95 / floorP95,
                    r.getKey().startsWith("floor") ? "" : "p95 < 100 ms");
        }
    }

    static String search(String q) {
        return "/customers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** A name as typed without its accents (Ångström → Angstrom). */
    static String plain(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    static void login(HttpClient http, String base, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=bench&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + location);
        }
    }

    static long time(HttpClient http, String url) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - t) / 1000;
        // 302: a search with one exact hit opens the profile (the redirect is the answer being timed).
        if (response.statusCode() != 200 && !(response.statusCode() == 302 && url.contains("/customers?q="))) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return micros;
    }

    static double percentile(long[] sortedMicros, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
    }

}
