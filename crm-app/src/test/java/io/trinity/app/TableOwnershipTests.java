package io.trinity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning feature, and no feature's SQL touches another feature's table (docs/adr/0009): what
 * others may read, the owner publishes as a view (or names a table a read model); only the owner writes. Read from
 * the SQL text of every feature module's main sources, against the ownership list below, which every table of the
 * migrations must appear in.
 */
class TableOwnershipTests {

    /** Owner → tables it owns (written only by it). */
    static final Map<String, Set<String>> TABLES = new LinkedHashMap<>();
    /** Owner → what it publishes for others to read: its views, and tables it keeps as read models. */
    static final Map<String, Set<String>> PUBLISHED = new LinkedHashMap<>();

    static {
        own("customer", Set.of("customer", "customer_merge", "customer_merge_journal", "customer_note",
                "customer_audit"), Set.of("customer_directory"));
        own("duplicates", Set.of("duplicate_model", "duplicate_term", "duplicate_key", "duplicate_scan",
                "duplicate_pair", "duplicate_audit", "identity_proposal"), Set.of());
        own("identity", Set.of("social_identity"), Set.of("identity_directory"));
        own("order", Set.of("orders", "customer_purchase_totals"), Set.of("order_facts", "customer_purchase_totals"));
        own("activity", Set.of("activity"), Set.of("activity_facts"));
        own("store", Set.of("store"), Set.of());
        own("staff", Set.of("staff_user", "staff_user_role", "sign_in_throttle", "staff_audit"),
                Set.of("staff_roles"));
        own("cases", Set.of("service_case", "service_case_note"), Set.of("case_facts"));
        own("listening", Set.of("conversation_state"), Set.of());
        own("scoring", Set.of("customer_value", "customer_value_r", "scoring_run", "scoring_weights", "segment_rules",
                "customer_changed"),
                Set.of("customer_value", "scoring_run"));
        own("loyalty", Set.of("loyalty_account", "loyalty_event", "loyalty_ledger", "loyalty_tier",
                "loyalty_tier_change", "customer_perk", "redemption", "referral", "referral_code", "reward",
                "reward_rule", "reward_rule_version", "reward_rule_audit", "loyalty_ceiling"),
                Set.of("loyalty_members", "loyalty_points", "reward_rule_names"));
        own("marketing", Set.of("audience", "campaign", "campaign_contact"), Set.of("campaign_touches"));
        own("moments", Set.of("moment_action"), Set.of());
        own("social", Set.of("social_connection", "social_sync"), Set.of());
        own("demo", Set.of("installation_state"), Set.of());
        own("database", Set.of("event_publication"), Set.of());
    }

    static void own(String module, Set<String> tables, Set<String> published) {
        TABLES.put(module, tables);
        PUBLISHED.put(module, published);
    }

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern CREATE = Pattern.compile("(?i)create\\s+(?:unlogged\\s+)?(table|view)\\s+(\\w+)");
    static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)");
    static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|copy|lock\\s+table)\\s+(\\w+)");

    @Test
    void everyTableAndViewOfTheMigrationsHasOneOwner() {
        Set<String> created = new TreeSet<>();
        for (Path migration : files(ROOT.resolve("db/src/main/resources/db/migration"), ".sql")) {
            Matcher m = CREATE.matcher(read(migration));
            while (m.find()) {
                created.add(m.group(2).toLowerCase());
            }
        }
        Set<String> known = new TreeSet<>();
        TABLES.values().forEach(known::addAll);
        PUBLISHED.values().forEach(known::addAll);
        assertThat(known).as("tables and views with an owner").containsAll(created);
        for (String a : TABLES.keySet()) {
            for (String b : TABLES.keySet()) {
                if (!a.equals(b)) {
                    assertThat(TABLES.get(a)).as(a + " and " + b + " share a table").doesNotContainAnyElementsOf(
                            TABLES.get(b));
                }
            }
        }
    }

    @Test
    void noFeatureReadsAnotherFeaturesTablesOrWritesThemAtAll() {
        List<String> violations = new ArrayList<>();
        for (Path source : mainSources()) {
            String module = moduleOf(source);
            // Code only: what a comment says about orders is not SQL.
            String sql = read(source).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
            Matcher read = READ.matcher(sql);
            while (read.find()) {
                String name = read.group(1).toLowerCase();
                String owner = ownerOf(name);
                if (owner != null && !owner.equals(module) && !PUBLISHED.get(owner).contains(name)) {
                    violations.add(module + " reads " + owner + "'s table " + name + " in " + ROOT.relativize(source));
                }
            }
            Matcher write = WRITE.matcher(sql);
            while (write.find()) {
                String name = write.group(1).toLowerCase();
                String owner = ownerOf(name);
                String publisher = publisherOf(name);
                if ((owner != null && !owner.equals(module)) || (publisher != null && !publisher.equals(module))) {
                    violations.add(module + " writes " + (owner != null ? owner : publisher) + "'s " + name + " in "
                            + ROOT.relativize(source));
                }
            }
            Matcher copy = Pattern.compile("new CopyWriter\\([^,]+,\\s*\"(\\w+)\"").matcher(sql);
            while (copy.find()) {
                String owner = ownerOf(copy.group(1));
                if (owner != null && !owner.equals(module)) {
                    violations.add(module + " copies into " + owner + "'s " + copy.group(1) + " in "
                            + ROOT.relativize(source));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    static String ownerOf(String table) {
        return TABLES.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    static String publisherOf(String view) {
        return PUBLISHED.entrySet().stream().filter(e -> e.getValue().contains(view)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The feature module a source file belongs to: the package right below {@code io.trinity}. */
    static String moduleOf(Path source) {
        String path = source.toString().replace('\\', '/');
        String rest = path.substring(path.indexOf("/io/trinity/") + "/io/trinity/".length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "(root)";
    }

    static List<Path> mainSources() {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("crm-core", "crm-social", "crm-scoring", "crm-web", "crm-app")) {
            sources.addAll(files(ROOT.resolve(module).resolve("src/main/java"), ".java"));
        }
        assertThat(sources).hasSizeGreaterThan(100);
        return sources;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
