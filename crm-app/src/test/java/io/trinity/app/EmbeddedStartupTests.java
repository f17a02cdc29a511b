package io.trinity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.trinity.TrinityApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The newcomer's path: the real application, no datasource configured, starts its own embedded PostgreSQL, fills
 * it with demo data, serves the login page, and keeps the data across a restart.
 */
class EmbeddedStartupTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnTheEmbeddedDatabaseWithDemoDataAndKeepsItAcrossARestart(@TempDir Path home) throws Exception {
        Path dataDir = home.resolve("pgdata");
        String firstCount;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            String base = baseUrl(app);
            HttpResponse<String> login = get(base + "/login", null);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in");

            HttpResponse<String> customers = get(base + "/api/v1/customers?limit=500", "marketing");
            assertThat(customers.statusCode()).isEqualTo(200);
            firstCount = JsonPath.read(customers.body(), "$.items.length()").toString();
            assertThat(Integer.parseInt(firstCount)).isEqualTo(300);

            HttpResponse<String> created = post(base + "/api/v1/customers", "integration",
                    "{\"externalId\": \"SURVIVES-RESTART\", \"firstName\": \"Persistent\"}");
            assertThat(created.statusCode()).isEqualTo(201);

            // The server the application itself started keeps what it commits through an OS crash.
            var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext app = start(dataDir)) {
            String base = baseUrl(app);
            HttpResponse<String> kept = get(base + "/api/v1/customers?externalId=SURVIVES-RESTART", "marketing");
            assertThat(JsonPath.<String>read(kept.body(), "$.items[0].firstName")).isEqualTo("Persistent");
            HttpResponse<String> all = get(base + "/api/v1/customers?limit=500", "marketing");
            // Demo data is generated once: 300 demo customers plus the one created above, not 600.
            assertThat(JsonPath.<Integer>read(all.body(), "$.items.length()")).isEqualTo(301);
        }
    }

    @Test
    void aConfiguredAdminPasswordHoldsEvenInDemoMode(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext app = start(home.resolve("pgdata"),
                "--crm.admin.password=Summit-2026-secret")) {
            String base = baseUrl(app);
            assertThat(get(base + "/api/v1/users", "admin", "Summit-2026-secret").statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/v1/users", "admin", "demo").statusCode()).isEqualTo(401);
            assertThat(get(base + "/api/v1/customers", "marketing", "demo").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void outsideDemoModeOnlyAnAdminExistsAndNoDemoPasswordWorks(@TempDir Path home) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplication(TrinityApplication.class).run(
                "--server.port=0", "--crm.embedded-db.data-dir=" + home.resolve("pgdata"),
                "--crm.social.key-file=" + home.resolve("credentials.key"))) {
            String base = baseUrl(app);
            assertThat(get(base + "/api/v1/customers", "marketing", "demo").statusCode()).isEqualTo(401);
            assertThat(get(base + "/api/v1/customers", "admin", "demo").statusCode()).isEqualTo(401);
            String generated = app.getBean(io.trinity.security.InitialAccounts.class).generatedAdminPassword();
            assertThat(generated).isNotBlank();
            HttpResponse<String> customers = get(base + "/api/v1/customers", "admin", generated);
            assertThat(customers.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<Integer>read(customers.body(), "$.items.length()")).isZero();
        }
    }

    @Test
    void demoLoginsStopWorkingOnceDemoModeIsOffAndAdminMustChooseANewPassword(@TempDir Path home) throws Exception {
        Path dataDir = home.resolve("pgdata");
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(get(baseUrl(app) + "/login", null).body()).contains("Default passwords in use");
        }
        try (ConfigurableApplicationContext app = new SpringApplication(TrinityApplication.class).run(
                "--server.port=0", "--crm.embedded-db.data-dir=" + dataDir,
                "--crm.social.key-file=" + home.resolve("credentials.key"))) {
            String base = baseUrl(app);
            for (String user : new String[] {"marketing", "pr", "service", "loyalty", "integration"}) {
                assertThat(get(base + "/api/v1/customers", user).statusCode()).as(user).isEqualTo(401);
            }
            HttpResponse<String> admin = get(base + "/api/v1/users", "admin", "demo");
            assertThat(admin.statusCode()).isEqualTo(401);
            assertThat(admin.body()).contains("must choose a new password");
            assertThat(get(base + "/login", null).body()).contains("Default passwords in use");

            // The console lets admin in only to choose a new password.
            Console console = new Console(base);
            HttpResponse<String> signIn = console.post("/login", "username=admin&password=demo");
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).contains("/account/password?expired");
            HttpResponse<String> changed = console.post("/account/password",
                    "username=admin&currentPassword=demo&newPassword=Summit-2026-own&repeatPassword=Summit-2026-own");
            assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/login?changed");

            assertThat(get(base + "/api/v1/users", "admin", "Summit-2026-own").statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/v1/users", "admin", "demo").statusCode()).isEqualTo(401);
            assertThat(get(base + "/login", null).body()).doesNotContain("Default passwords in use");
            var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select event from staff_audit where username = 'marketing'").query(String.class)
                    .list()).contains("DEFAULT_PASSWORD_DISABLED");
        }
    }

    /** A browser: cookies kept, the CSRF token taken from the page before each form is sent. */
    private final class Console {
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Console(String base) {
            this.base = base;
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            String page = client.send(HttpRequest.newBuilder(URI.create(base + (path.equals("/login") ? "/login"
                    : path))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).as("a CSRF token on " + path).isTrue();
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        String[] args = {"--server.port=0", "--crm.embedded-db.data-dir=" + dataDir, "--crm.demo.enabled=true",
            "--crm.demo.customers=300", "--crm.social.key-file=" + dataDir.resolveSibling("credentials.key")};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return new SpringApplication(TrinityApplication.class).run(all);
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private HttpResponse<String> get(String url, String user) throws Exception {
        return get(url, user, "demo");
    }

    private HttpResponse<String> get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String user, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
