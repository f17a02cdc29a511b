package io.trinity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running application's operational surface: health, metrics for admins only, the API documentation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crm.demo.enabled=true", "crm.social.key-file=target/test-credentials.key",
            "crm.social.scheduler-delay=1h"})
class OperationsTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsPublicAndUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void metricsAreForAdminsOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "marketing").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", "admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theApiIsDocumentedForStaffOnly() throws Exception {
        // Not public by default (crm.api-docs.public opens it): tools are asked for credentials, browsers are sent to
        // the sign-in page.
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        HttpResponse<String> browser = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/swagger-ui/index.html")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(get("/v3/api-docs", "integration").statusCode()).isEqualTo(403);
        HttpResponse<String> docs = get("/v3/api-docs", "marketing");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/customers", "/api/v1/orders", "/api/v1/activities",
                "/api/v1/imports/customers");
        assertThat(get("/swagger-ui/index.html", "marketing").statusCode()).isEqualTo(200);
    }

    @Test
    void consolePagesAreServedWithLocalAssets() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(get("/webjars/bootstrap/css/bootstrap.min.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/css/trinity.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsTomcatRefusesBeforeSpringAreProblemsToo() throws Exception {
        HttpResponse<String> slash = get("/api/v1/customers/1%2F2", "marketing");
        assertThat(slash.statusCode()).isEqualTo(400);
        assertThat(slash.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(slash.body()).contains("\"status\":400").doesNotContain("<html");

        HttpResponse<String> longUrl = get("/api/v1/customers?q=" + "a".repeat(10_000), "marketing");
        assertThat(longUrl.statusCode()).isEqualTo(414);
        assertThat(longUrl.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");

        HttpResponse<String> huge = get("/api/v1/customers?q=" + "a".repeat(40_000), "marketing");
        assertThat(huge.statusCode()).isBetween(400, 431);
        assertThat(huge.body()).doesNotContain("<html");

        HttpResponse<String> nowhere = get("/api/v1/customers/1/nothing-here", "marketing");
        assertThat(nowhere.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
