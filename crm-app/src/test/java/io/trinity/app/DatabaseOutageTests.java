package io.trinity.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.trinity.TrinityApplication;
import io.trinity.database.EmbeddedPostgresServer;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stops under a running application: the API answers 503 with Retry-After within seconds (not 401 after
 * 30 s), the console shows a "temporarily unavailable" page, a sign-in is not told its password is wrong, nothing
 * is half-written, and everything works again once PostgreSQL is back, without a restart.
 */
class DatabaseOutageTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anOutageIsA503NotBadCredentialsAndServiceResumesByItself(@TempDir Path home) throws Exception {
        Path dataDir = home.resolve("pgdata");
        int dbPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        EmbeddedPostgresServer restarted = null;
        try (ConfigurableApplicationContext app = new SpringApplication(TrinityApplication.class).run(
                "--server.port=0", "--crm.embedded-db.data-dir=" + dataDir, "--crm.embedded-db.port=" + dbPort,
                "--crm.demo.enabled=true", "--crm.demo.customers=50",
                "--crm.social.key-file=" + home.resolve("credentials.key"), "--crm.social.scheduler-delay=1h",
                "--crm.scoring.incremental-delay=1h")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(api(base, "GET", "/api/v1/customers?limit=1", null).statusCode()).isEqualTo(200);
            String csrf = csrf(base);
            HttpResponse<String> signedIn = form(base, "/login", "username=marketing&password=demo&_csrf=" + csrf);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

            app.getBean(EmbeddedPostgresServer.class).close();

            long started = System.nanoTime();
            HttpResponse<String> read = api(base, "GET", "/api/v1/customers?limit=1", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(took).as("fails fast instead of hanging for 30 s").isLessThan(Duration.ofSeconds(10));
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertThat(read.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
            assertThat(read.body()).contains("\"status\":503").doesNotContain("HTTP Basic");

            HttpResponse<String> write = api(base, "POST", "/api/v1/orders", """
                    [{"externalId": "OUTAGE-1", "customerExternalId": "NW-0-0000001",
                      "orderedAt": "2026-06-30T12:00:00Z", "amount": "10", "currency": "USD", "channel": "web"}]""");
            assertThat(write.statusCode()).isEqualTo(503);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/marketing")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Temporarily unavailable");

            HttpResponse<String> signIn = form(base, "/login", "username=service&password=demo&_csrf=" + csrf(base));
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/unavailable")
                    .doesNotContain("error");

            restarted = EmbeddedPostgresServer.start(dataDir, dbPort, false);
            int status = 0;
            for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
                status = api(base, "GET", "/api/v1/customers?limit=1", null).statusCode();
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            assertThat(status).as("resumes without a restart").isEqualTo(200);
            assertThat(api(base, "GET", "/api/v1/customers?externalId=NW-0-0000001", null).statusCode())
                    .isEqualTo(200);
            var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select count(*) from orders where external_id = 'OUTAGE-1'").query(Long.class)
                    .single()).as("nothing half-written").isZero();
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private HttpResponse<String> api(String base, String method, String path, String json) throws Exception {
        String user = method.equals("GET") ? "marketing" : "integration";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String base) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> form(String base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
