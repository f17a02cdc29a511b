package io.trinity.demo;

import io.trinity.activity.ActivityBulkLoad;
import io.trinity.customer.CustomerBulkLoad;
import io.trinity.database.CopyWriter;
import io.trinity.identity.IdentityBulkLoad;
import io.trinity.order.OrderBulkLoad;
import io.trinity.store.Store;
import io.trinity.store.Stores;
import java.math.BigDecimal;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates Northwind Outfitters: customers with a realistic purchase skew (a few heavy buyers, many one-timers,
 * some refunds), Facebook and X identities with heavy-tailed audiences, posts, shares, comments, mentions, a
 * follow graph with a few real hubs, and store check-ins. Deterministic for a seed and an anchor day.
 * Everything is written with COPY in one transaction: either the whole demo exists or none of it.
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    static final String MARKER = "demo.generated";

    private static final String[] FIRST = {"Ingrid", "Mateo", "Wei", "Aisha", "Liam", "Sofia", "Kenji", "Emma",
        "Lucía", "Noah", "Priya", "Olav", "Åse", "Marcus", "Rosa", "Tom", "Yuki", "Grace", "Hanna", "Jonas", "Maya",
        "Erik", "Nora", "Diego", "Chloe", "Omar", "Freya", "Ravi", "Zoe", "Lars", "Amara", "Felix", "Ines", "Sven",
        "Mei", "Daniel", "Leah", "Tariq", "Astrid", "Paolo"};
    private static final String[] LAST = {"Solberg", "Fernández", "Chen", "Okafor", "O'Brien", "Rossi", "Watanabe",
        "Johansson", "Martínez", "Becker", "Raman", "Haugen", "Nygård", "Hill", "Delgado", "Berg", "Tanaka",
        "Mensah", "Kowalczyk", "Lund", "Patel", "Nguyen", "García", "Larsen", "Kim", "Silva", "Dahl", "Moreau",
        "Schmidt", "Andersen", "Novak", "Ito", "Costa", "Eriksen", "Singh", "Walsh"};
    /** City, country, currency, home store (null: web only). */
    private static final String[][] PLACES = {
        {"Seattle", "US", "USD", "ST-SEA"}, {"Seattle", "US", "USD", "ST-SEA"}, {"Tacoma", "US", "USD", "ST-SEA"},
        {"Denver", "US", "USD", "ST-DEN"}, {"Denver", "US", "USD", "ST-DEN"}, {"Boulder", "US", "USD", "ST-DEN"},
        {"Oslo", "NO", "NOK", "ST-OSL"}, {"Oslo", "NO", "NOK", "ST-OSL"}, {"Bergen", "NO", "NOK", null},
        {"Tromsø", "NO", "NOK", null}, {"Madrid", "ES", "EUR", null}, {"Barcelona", "ES", "EUR", null},
        {"Portland", "US", "USD", null}, {"Salt Lake City", "US", "USD", null}};
    private static final String[] POSTS = {
        "Three days on the Hardangervidda and the tent held up perfectly #northwind",
        "New boots, first blister-free summit this year. Thanks @NorthwindOutfit!",
        "Anyone tried the Northwind 45L pack on a multi-day trip? Thinking about it.",
        "Repair café at the Seattle store was great, my jacket zip works again",
        "Sunrise paddle before work. Worth every early alarm 🛶",
        "Still waiting for my refund, customer service please answer",
        "Trail running season is here. Gear check done.",
        "Winter camping tips thread: layers, layers, layers 🏔️"};

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final CustomerBulkLoad customerLoad;
    private final IdentityBulkLoad identityLoad;
    private final OrderBulkLoad orderLoad;
    private final ActivityBulkLoad activityLoad;
    private final Stores stores;

    DemoDataGenerator(DataSource dataSource, TransactionTemplate transactions, Clock clock,
            CustomerBulkLoad customerLoad, IdentityBulkLoad identityLoad, OrderBulkLoad orderLoad,
            ActivityBulkLoad activityLoad, Stores stores) {
        this.customerLoad = customerLoad;
        this.identityLoad = identityLoad;
        this.orderLoad = orderLoad;
        this.activityLoad = activityLoad;
        this.stores = stores;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * How much each customer does. The demo is a believable shop; the benchmark profile matches the scoring
     * benchmark's shape (about 9 orders, 5 activities and 12 follow edges per customer).
     */
    public record Scale(double orderMultiplier, boolean everyoneActive, int maxFollows, boolean everyoneFollows,
            double duplicateShare) {

        /** The demo: about one customer in twenty-five is a second record of someone, made messy. */
        public static final Scale DEMO = new Scale(1.0, false, 24, false, 0.04);
        public static final Scale BENCHMARK = new Scale(1.65, true, 24, true, 0);
    }

    /** Street names and postal code stems of the demo's cities. */
    private static final Map<String, String[]> STREETS = Map.of(
            "US", new String[] {"Pine Street", "Maple Avenue", "Broadway", "Lakeview Drive", "Cedar Lane", "Main Street"},
            "NO", new String[] {"Storgata", "Kirkeveien", "Thorvald Meyers gate", "Bogstadveien", "Strandgata"},
            "ES", new String[] {"Calle Mayor", "Calle de Alcalá", "Gran Vía", "Carrer de Balmes", "Avenida de la Paz"});
    private static final Map<String, String> POSTAL = Map.ofEntries(Map.entry("Seattle", "981"),
            Map.entry("Tacoma", "984"), Map.entry("Denver", "802"), Map.entry("Boulder", "803"),
            Map.entry("Portland", "972"), Map.entry("Salt Lake City", "841"), Map.entry("Oslo", "0"),
            Map.entry("Bergen", "50"), Map.entry("Tromsø", "90"), Map.entry("Madrid", "280"),
            Map.entry("Barcelona", "080"));
    private static final Map<String, String> REGION = Map.ofEntries(Map.entry("Seattle", "WA"),
            Map.entry("Tacoma", "WA"), Map.entry("Denver", "CO"), Map.entry("Boulder", "CO"),
            Map.entry("Portland", "OR"), Map.entry("Salt Lake City", "UT"), Map.entry("Oslo", "Oslo"),
            Map.entry("Bergen", "Vestland"), Map.entry("Tromsø", "Troms"), Map.entry("Madrid", "Madrid"),
            Map.entry("Barcelona", "Cataluña"));

    /** A street line and postal code in the customer's city, or nulls for the one in five without an address. */
    private static String[] address(String city, String country, SplittableRandom random) {
        if (random.nextDouble() < 0.2) {
            return new String[] {null, null};
        }
        String[] streets = STREETS.get(country);
        String name = streets[random.nextInt(streets.length)];
        int number = 1 + random.nextInt(120);
        String street = country.equals("US") ? number + " " + name : name + " " + number;
        String stem = POSTAL.get(city);
        int width = country.equals("NO") ? 4 : 5;
        StringBuilder postal = new StringBuilder(stem);
        while (postal.length() < width) {
            postal.append(random.nextInt(10));
        }
        return new String[] {street, postal.toString()};
    }

    /** What was generated, for the startup log and the benchmarks. */
    public record Summary(long customers, long identities, long orders, long activities, long millis) {
    }

    /** Generates the demo unless it was generated before; returns null when it did nothing. */
    public Summary generateOnce(int customers, long seed) {
        return transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                try (Statement st = connection.createStatement()) {
                    // Two app instances starting together must not both generate.
                    st.execute("lock table installation_state in exclusive mode");
                    var rs = st.executeQuery("select count(*) from installation_state where key = '" + MARKER + "'");
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return null;
                    }
                }
                Summary summary = generate(connection, customers, seed, Scale.DEMO);
                try (var ps = connection.prepareStatement(
                        "insert into installation_state (key, value) values (?, ?)")) {
                    ps.setString(1, MARKER);
                    ps.setString(2, summary.customers() + " customers, seed " + seed);
                    ps.executeUpdate();
                }
                return summary;
            } catch (SQLException e) {
                throw new IllegalStateException("demo data generation failed: " + e.getMessage(), e);
            }
        });
    }

    /** Appends a generated population to whatever the database holds, in one transaction (benchmarks). */
    public Summary generate(int customers, long seed, Scale scale) {
        return transactions.execute(status -> {
            try {
                return generate(DataSourceUtils.getConnection(dataSource), customers, seed, scale);
            } catch (SQLException e) {
                throw new IllegalStateException("data generation failed: " + e.getMessage(), e);
            }
        });
    }

    Summary generate(Connection connection, int customerCount, long seed, Scale scale) throws SQLException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant end = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        long customerBase = customerLoad.maxId(connection);
        long identityBase = identityLoad.maxId(connection);
        String runTag = Long.toString(customerBase, 36);

        for (Store store : List.of(
                new Store("ST-SEA", "Northwind Seattle", "Seattle", "US", new BigDecimal("47.608013"),
                        new BigDecimal("-122.335167")),
                new Store("ST-DEN", "Northwind Denver", "Denver", "US", new BigDecimal("39.739236"),
                        new BigDecimal("-104.990251")),
                new Store("ST-OSL", "Northwind Oslo", "Oslo", "NO", new BigDecimal("59.913868"),
                        new BigDecimal("10.752245")))) {
            if (stores.find(store.id()).isEmpty()) {
                stores.save(store);
            }
        }

        int[] place = new int[customerCount];
        long[] facebook = new long[customerCount];
        long[] x = new long[customerCount];
        double[] hubWeight = new double[customerCount];
        int[] firstName = new int[customerCount];
        int[] lastName = new int[customerCount];
        Instant[] createdAt = new Instant[customerCount];
        long[] followerCount = new long[customerCount];
        // Messy second records of earlier customers (typos, nicknames, another e-mail, a moved address), from
        // their own random stream so the rest of the base is the same with or without them.
        SplittableRandom duplicates = new SplittableRandom(seed ^ 0x5eed);
        DuplicateMaker maker = new DuplicateMaker(new SyntheticPeople(seed, "NW-" + runTag + "-D"));
        SyntheticPeople.Person[] people = new SyntheticPeople.Person[customerCount];
        try (CopyWriter customers = customerLoad.open(connection)) {
            for (int i = 0; i < customerCount; i++) {
                long id = customerBase + i + 1;
                firstName[i] = random.nextInt(FIRST.length);
                lastName[i] = random.nextInt(LAST.length);
                String first = FIRST[firstName[i]];
                String last = LAST[lastName[i]];
                place[i] = random.nextInt(PLACES.length);
                String[] p = PLACES[place[i]];
                Instant created = end.minus(30 + random.nextInt(4 * 365), ChronoUnit.DAYS)
                        .plusSeconds(random.nextInt(86_400));
                createdAt[i] = created;
                boolean consent = random.nextDouble() < 0.65;
                String email = ascii(first) + "." + ascii(last) + "." + id + "@example.com";
                String locale = switch (p[1]) {
                    case "NO" -> "nb-NO";
                    case "ES" -> "es-ES";
                    default -> "en-US";
                };
                String phone = random.nextDouble() < 0.6 ? phone(p[1], random) : null;
                String loyalty = random.nextDouble() < 0.8 ? "NL-" + runTag + "-" + (100_000 + i) : null;
                String[] address = address(p[0], p[1], random);
                java.time.LocalDate born = birthDate(id);
                String externalId = "NW-" + runTag + "-" + String.format(Locale.ROOT, "%07d", i + 1);
                people[i] = new SyntheticPeople.Person(id, externalId, first, last, email, phone, loyalty, born,
                        address[0], address[1], p[0], REGION.get(p[0]), p[1], locale);
                if (i > 10 && duplicates.nextDouble() < scale.duplicateShare()) {
                    int j = duplicates.nextInt(i);
                    SyntheticPeople.Person copy = maker.duplicate(people[j]).person();
                    people[i] = copy;
                    firstName[i] = firstName[j];
                    lastName[i] = lastName[j];
                    place[i] = place[j];
                    // The unique loyalty number stays with the first record; a duplicate is the card-less account.
                    customers.row(id, externalId, copy.first(), copy.last(), copy.email(), copy.phone(), null,
                            copy.locale(), copy.city(), copy.country(), consent, consent ? created : null, created, created,
                            copy.birthDate(), copy.street(), copy.postalCode(), copy.region());
                } else {
                    customers.row(id, externalId, first, last, email, phone, loyalty, locale, p[0], p[1], consent,
                            consent ? created : null, created, created, born, address[0], address[1],
                            REGION.get(p[0]));
                }
                // Audience: most people have a few hundred followers, a few have tens of thousands.
                double pareto = 1 / Math.pow(1 - random.nextDouble(), 1 / 1.2);
                hubWeight[i] = pareto;
                followerCount[i] = Math.min(2_000_000, Math.round(40 * pareto));
            }
        }
        // Identities after all customers are stored: COPY checks each foreign key as it goes.
        long identities = 0;
        try (CopyWriter ids = identityLoad.open(connection)) {
            for (int i = 0; i < customerCount; i++) {
                long id = customerBase + i + 1;
                String first = FIRST[firstName[i]];
                String last = LAST[lastName[i]];
                Instant created = createdAt[i];
                if (random.nextDouble() < 0.6) {
                    facebook[i] = identityBase + ++identities;
                    ids.row(facebook[i], "facebook", "fb" + runTag + (10_000_000 + i), null, first + " " + last,
                            null, null, id, "DECLARED", created, created, created);
                }
                if (random.nextDouble() < 0.45) {
                    x[i] = identityBase + ++identities;
                    String handle = (ascii(first) + "_" + ascii(last)).toLowerCase(Locale.ROOT) + (i % 1000);
                    ids.row(x[i], "x", "x" + runTag + (20_000_000 + i), handle, first + " " + last,
                            "https://x.com/" + handle, followerCount[i], id,
                            random.nextDouble() < 0.5 ? "MATCHED_EMAIL" : "DECLARED", created, created, created);
                }
            }
            // Customers' Instagram accounts nobody has linked yet: the same handle as on X, or the name spelled out
            // (a separate random stream, so the rest of the demo stays as it was). The duplicate scan proposes them.
            SplittableRandom unlinked = new SplittableRandom(customerBase ^ 0x1a57a);
            for (int i = 0; i < customerCount; i++) {
                double draw = unlinked.nextDouble();
                String first = FIRST[firstName[i]];
                String last = LAST[lastName[i]];
                String handle = x[i] != 0 && draw < 0.08
                        ? (ascii(first) + "_" + ascii(last)).toLowerCase(Locale.ROOT) + (i % 1000)
                        : x[i] == 0 && draw < 0.02 ? (ascii(first) + ascii(last)).toLowerCase(Locale.ROOT) + (i % 100)
                        : null;
                if (handle != null) {
                    ids.row(identityBase + ++identities, "instagram", "ig" + runTag + (30_000_000 + i), handle,
                            first + " " + last, "https://instagram.com/" + handle, followerCount[i], null, null,
                            null, end, end);
                }
            }
            // Prospects: people who talk about the brand but are not customers (yet).
            for (int i = 0; i < Math.max(10, customerCount / 50); i++) {
                ids.row(identityBase + ++identities, "x", "xp" + runTag + i, "trail_fan_" + runTag + i,
                        "Trail fan " + i, null, (long) (50 + random.nextInt(5_000)), null, null, null, end, end);
            }
        }

        long orders = 0;
        try (CopyWriter out = orderLoad.open(connection)) {
            for (int i = 0; i < customerCount; i++) {
                long id = customerBase + i + 1;
                String[] p = PLACES[place[i]];
                int count = (int) Math.round(orderCount(random) * scale.orderMultiplier());
                for (int k = 0; k < count; k++) {
                    Instant at = end.minus(random.nextInt(730), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
                    double major = Math.exp(4.0 + random.nextGaussian() * 0.8);
                    long minor = Math.max(500, Math.round(major * 100));
                    if (p[2].equals("NOK")) {
                        minor *= 10;
                    }
                    boolean inStore = p[3] != null && random.nextDouble() < 0.6;
                    String channel = inStore ? "store" : random.nextDouble() < 0.7 ? "web" : "app";
                    String orderId = "DO-" + runTag + "-" + id + "-" + k;
                    out.row(orderId, id, at, minor, p[2], channel, inStore ? p[3] : null);
                    orders++;
                    if (random.nextDouble() < 0.04) {
                        Instant refundAt = at.plus(3 + random.nextInt(25), ChronoUnit.DAYS);
                        if (refundAt.isBefore(end)) {
                            out.row(orderId + "-R", id, refundAt, -minor, p[2], channel, inStore ? p[3] : null);
                            orders++;
                        }
                    }
                }
            }
        }

        long activities = 0;
        double[] cumulative = new double[customerCount];
        double total = 0;
        for (int i = 0; i < customerCount; i++) {
            total += hubWeight[i];
            cumulative[i] = total;
        }
        try (CopyWriter out = activityLoad.open(connection)) {
            String[] brandPosts = {"104857392018273_1223344556677881", "104857392018273_1223344556677882",
                "104857392018273_1223344556677883", "2122721424351885509"};
            for (int i = 0; i < customerCount; i++) {
                long id = customerBase + i + 1;
                String[] p = PLACES[place[i]];
                boolean social = facebook[i] != 0 || x[i] != 0;
                int count = social || scale.everyoneActive() ? random.nextInt(11) : random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    Instant at = end.minus(random.nextInt(365), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
                    String ext = "demo-" + runTag + "-" + id + "-" + k;
                    double roll = random.nextDouble();
                    if (!social || roll < 0.15) {
                        String store = p[3] != null ? p[3] : new String[] {"ST-SEA", "ST-DEN", "ST-OSL"}[random.nextInt(3)];
                        out.row("foursquare", ext, "CHECKIN", id, null, null, null, store, at, null, null, null, 0L);
                    } else {
                        boolean onX = x[i] != 0 && (facebook[i] == 0 || random.nextBoolean());
                        long identity = onX ? x[i] : facebook[i];
                        String network = onX ? "x" : "facebook";
                        String type;
                        String post = null;
                        String text = null;
                        String sentiment = null;
                        if (roll < 0.40) {
                            type = "POST";
                            text = POSTS[random.nextInt(POSTS.length)];
                        } else if (roll < 0.55) {
                            type = "SHARE";
                            post = brandPosts[random.nextInt(brandPosts.length)];
                        } else if (roll < 0.70) {
                            type = "COMMENT";
                            post = brandPosts[random.nextInt(brandPosts.length)];
                            text = POSTS[random.nextInt(POSTS.length)];
                        } else if (roll < 0.85) {
                            type = "LIKE";
                            post = brandPosts[random.nextInt(brandPosts.length)];
                        } else if (roll < 0.95) {
                            type = "MENTION";
                            text = "@NorthwindOutfit " + POSTS[random.nextInt(POSTS.length)];
                        } else {
                            type = "REVIEW";
                            text = random.nextDouble() < 0.8 ? "Great gear, friendly staff." : "Zip broke after a week.";
                        }
                        if (text != null) {
                            sentiment = text.contains("refund") || text.contains("broke") ? "NEGATIVE" : "POSITIVE";
                        }
                        long likes = Math.round(hubWeight[i] * (1 + random.nextInt(20)));
                        String metrics = type.equals("POST") || type.equals("SHARE") || type.equals("MENTION")
                                ? "{\"likes\":" + likes + ",\"comments\":" + likes / 8 + ",\"shares\":" + likes / 15
                                        + "}"
                                : null;
                        long engagement = metrics == null ? 0 : likes + likes / 8 + likes / 15;
                        out.row(network, ext, type, id, identity, null, post, null, at, text, metrics, sentiment,
                                engagement);
                    }
                    activities++;
                }
                // Follow graph: preferential attachment towards the people with large audiences (the hubs).
                if (x[i] != 0 || scale.everyoneFollows()) {
                    int follows = random.nextInt(scale.maxFollows() + 1);
                    for (int k = 0; k < follows; k++) {
                        int target = pick(cumulative, total * random.nextDouble());
                        if (target == i) {
                            continue;
                        }
                        Instant at = end.minus(random.nextInt(730), ChronoUnit.DAYS);
                        out.row("x", "follow-" + runTag + "-" + id + "-" + k, "FOLLOW", id, x[i] == 0 ? null : x[i],
                                customerBase + target + 1, null, null, at, null, null, null, 0L);
                        activities++;
                    }
                }
            }
        }
        customerLoad.finish(connection);
        identityLoad.finish(connection);
        orderLoad.finish(connection);
        activityLoad.finish(connection);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Generated demo data: {} customers, {} identities, {} orders, {} activities in {} ms",
                customerCount, identities, orders, activities, millis);
        return new Summary(customerCount, identities, orders, activities, millis);
    }

    /** Skewed: about a third buy once, a few buy a lot. */
    private static int orderCount(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.12) {
            return 0;
        }
        if (r < 0.45) {
            return 1;
        }
        if (r < 0.70) {
            return 2 + random.nextInt(3);
        }
        if (r < 0.93) {
            return 5 + random.nextInt(10);
        }
        return 15 + random.nextInt(30);
    }

    private static int pick(double[] cumulative, double value) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String phone(String country, SplittableRandom random) {
        return switch (country) {
            case "NO" -> "+47" + (40_000_000 + random.nextInt(9_999_999));
            case "ES" -> "+34" + (600_000_000 + random.nextInt(99_999_999));
            default -> "+1206555" + String.format(Locale.ROOT, "%04d", 100 + random.nextInt(99));
        };
    }

    private static String ascii(String name) {
        String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("ø", "o").replace("Ø", "O").replace("å", "a").replace("æ", "ae");
        return decomposed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Three customers in five told us their birthday. Derived from the id rather than drawn, so that adding it
     * left every other generated value (and so the benchmarks' data) as it was.
     */
    static java.time.@org.jspecify.annotations.Nullable LocalDate birthDate(long id) {
        if (id % 5 >= 3) {
            return null;
        }
        return java.time.LocalDate.of(1950 + (int) (id * 7919 % 55), 1, 1).plusDays(id * 104_729 % 365);
    }

}
