package io.trinity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every language carries every text: a key missing (or blank) in one language, a key a template uses that no
 * bundle has, or a pattern that does not parse fails the build. Plain JUnit over the files themselves.
 */
class LanguageBundlesTests {

    static final Map<String, Locale> BUNDLES = Map.of("messages_de.properties", Locale.GERMAN,
            "messages_nb.properties", Locale.forLanguageTag("nb"), "messages_es.properties",
            Locale.forLanguageTag("es"), "messages_zh_CN.properties", Locale.SIMPLIFIED_CHINESE);

    /** Keys built in a template from a value: the prefix and the values it takes. */
    static final Map<String, Set<String>> COMPUTED = Map.of("lang.", Set.of("en", "de", "nb", "es", "zh-CN"),
            "priority.", Set.of("LOW", "NORMAL", "HIGH"), "status.", Set.of("OPEN", "PENDING", "RESOLVED"),
            "sentiment.", Set.of("negative", "neutral", "positive"),
            "run.status.", Set.of("succeeded", "failed", "running"),
            "score.", Set.of("combined", "transaction", "relationship", "influence"),
            "figure.", Set.of("customers", "social-identities", "orders", "activities"));

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LanguageBundlesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKeyAndNoBlankText() throws IOException {
        Properties english = load("messages.properties");
        for (var bundle : BUNDLES.entrySet()) {
            Properties other = load(bundle.getKey());
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(bundle.getKey() + " keys")
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            other.stringPropertyNames().forEach(key -> assertThat(other.getProperty(key)).as(bundle.getKey()
                    + " " + key).isNotBlank());
        }
    }

    @Test
    void patternsParseAndTakeTheSameArgumentsInEveryLanguage() throws IOException {
        Properties english = load("messages.properties");
        for (var bundle : BUNDLES.entrySet()) {
            Properties other = load(bundle.getKey());
            for (String key : english.stringPropertyNames()) {
                String base = english.getProperty(key);
                if (!base.contains("{0")) {
                    continue;
                }
                int expected = new MessageFormat(base, Locale.ENGLISH).getFormatsByArgumentIndex().length;
                MessageFormat translated = new MessageFormat(other.getProperty(key), bundle.getValue());
                assertThat(translated.getFormatsByArgumentIndex().length).as(bundle.getKey() + " " + key)
                        .isEqualTo(expected);
                assertThat(translated.format(new Object[] {2, 3})).as(bundle.getKey() + " " + key)
                        .doesNotContain("{0");
            }
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]|#messages\\.msg\\('([A-Za-z0-9_.-]+)'");
        Pattern computed = Pattern.compile("#\\{\\$\\{'([a-z.]+)'");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher m = literal.matcher(html);
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                Matcher c = computed.matcher(html);
                while (c.find()) {
                    assertThat(COMPUTED).as("computed key prefix in " + file).containsKey(c.group(1));
                    COMPUTED.get(c.group(1)).forEach(v -> used.add(c.group(1) + v));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    @Test
    void eachShippedLanguageIsChosenForItsRegionalVariants() {
        assertThat(ConsoleLanguages.shipped(Locale.forLanguageTag("de-AT"))).contains(Locale.GERMAN);
        assertThat(ConsoleLanguages.shipped(Locale.forLanguageTag("no"))).contains(Locale.forLanguageTag("nb"));
        assertThat(ConsoleLanguages.shipped(Locale.forLanguageTag("nn-NO"))).contains(Locale.forLanguageTag("nb"));
        assertThat(ConsoleLanguages.shipped(Locale.forLanguageTag("zh-TW"))).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(ConsoleLanguages.shipped(Locale.forLanguageTag("es-MX"))).contains(Locale.forLanguageTag("es"));
        assertThat(ConsoleLanguages.shipped(Locale.forLanguageTag("fr"))).isEmpty();
    }

    @Test
    void moneyIsWrittenAsTheReadersLanguageWritesIt() {
        ConsoleFormats formats = new ConsoleFormats();
        assertThat(formats.money(123450, "USD", Locale.ENGLISH)).isEqualTo("$1,234.50");
        assertThat(formats.money(123450, "EUR", Locale.GERMAN)).contains("1.234,50").contains("€");
        assertThat(formats.money(123450, "NOK", Locale.forLanguageTag("nb"))).contains("1\u00a0234,50");
        assertThat(formats.money(5000, "JPY", Locale.ENGLISH)).isEqualTo("¥5,000");
    }
}
