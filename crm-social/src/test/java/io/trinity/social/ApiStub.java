package io.trinity.social;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/**
 * A local HTTP stand-in for a network's API: per path, a queue of canned responses (status, headers, a fixture file),
 * and a record of every request line it received. Never touches the network beyond loopback.
 */
public final class ApiStub implements AutoCloseable {

    public record Response(int status, Map<String, String> headers, String fixture) {
    }

    private final HttpServer server;
    private final String fixtures;
    private volatile String otherwise;
    private final Map<String, Deque<Response>> queues = new ConcurrentHashMap<>();
    private final Map<String, Response> defaults = new ConcurrentHashMap<>();
    public final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<String> authorizations = java.util.Collections.synchronizedList(new ArrayList<>());

    public ApiStub() {
        this("fixtures/x/");
    }

    /** A stub serving files from {@code fixtures}; {@code http://localhost:PORT} in them becomes this stub. */
    public ApiStub(String fixtures) {
        this.fixtures = fixtures;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Deque<Response> queue = queues.get(path);
            Response response = queue != null && !queue.isEmpty() ? queue.poll() : defaults.get(path);
            byte[] body;
            if (response == null && otherwise != null) {
                response = new Response(200, Map.of(), null);
                body = otherwise.getBytes(StandardCharsets.UTF_8);
            } else {
                if (response == null) {
                    response = new Response(404, Map.of(), null);
                }
                body = response.fixture() == null ? new byte[0] : utf8(new ClassPathResource(this.fixtures
                        + response.fixture()).getContentAsByteArray()).replace("http://localhost:PORT", baseUrl())
                        .getBytes(StandardCharsets.UTF_8);
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets every queued and default response and every recorded request. */
    public void reset() {
        queues.clear();
        defaults.clear();
        otherwise = null;
        requests.clear();
        authorizations.clear();
    }

    /** Answers 200 with this body on any path that has nothing else to serve. */
    public void otherwise(String body) {
        this.otherwise = body;
    }

    /** Serves {@code fixture} for {@code path} whenever nothing is queued. */
    public void always(String path, String fixture) {
        defaults.put(path, new Response(200, Map.of("x-rate-limit-remaining", "899"), fixture));
    }

    /** Serves these responses for {@code path}, once each, before falling back to the default. */
    public void then(String path, Response... responses) {
        queues.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    public long count(String pathPrefix) {
        return requests.stream().filter(r -> r.startsWith(pathPrefix)).count();
    }

    public String last(String pathPrefix) {
        return requests.stream().filter(r -> r.startsWith(pathPrefix)).reduce((a, b) -> b).orElse("");
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
