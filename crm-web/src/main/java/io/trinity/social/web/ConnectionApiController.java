package io.trinity.social.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trinity.social.connection.ConnectionDraft;
import io.trinity.social.connection.ConnectionView;
import io.trinity.social.connection.Connections;
import io.trinity.social.sync.SocialSyncs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/connections} (ADMIN): credentials are write-only and never returned. */
@RestController
@RequestMapping("/api/v1/connections")
class ConnectionApiController {

    private final Connections connections;
    private final SocialSyncs syncs;
    private final JsonMapper json;

    ConnectionApiController(Connections connections, SocialSyncs syncs, JsonMapper json) {
        this.connections = connections;
        this.syncs = syncs;
        this.json = json;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ConnectionRequest(@Nullable String network, @Nullable String accountId, @Nullable String displayName,
            @Nullable Map<String, String> credentials, @Nullable String schedule, @Nullable String status) {

        ConnectionDraft draft() {
            return new ConnectionDraft(network, accountId, displayName, credentials, schedule);
        }
    }

    record ConnectionResponse(long id, String network, String accountId, String displayName, String schedule,
            String status, @Nullable Instant lastSuccessAt) {

        static ConnectionResponse of(ConnectionView v) {
            return new ConnectionResponse(v.id(), v.network(), v.accountId(), v.displayName(),
                    v.schedule().toString(), v.status(), v.lastSuccessAt());
        }
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody ConnectionRequest request) {
        ConnectionView created = connections.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/connections/" + created.id()))
                .body(Map.of("id", created.id(), "status", created.status()));
    }

    @GetMapping
    List<ConnectionResponse> list() {
        return connections.list().stream().map(ConnectionResponse::of).toList();
    }

    @GetMapping("/{id}")
    ConnectionResponse get(@PathVariable long id) {
        return ConnectionResponse.of(connections.get(id));
    }

    @PutMapping("/{id}")
    ConnectionResponse update(@PathVariable long id, @RequestBody ConnectionRequest request) {
        ConnectionView updated = connections.update(id, request.draft());
        if (request.status() != null && !request.status().equals(updated.status())) {
            updated = connections.setStatus(id, request.status());
        }
        return ConnectionResponse.of(updated);
    }

    @PostMapping("/{id}/syncs")
    ResponseEntity<Map<String, Object>> sync(@PathVariable long id) {
        SocialSyncs.SyncView sync = syncs.start(id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/connections/" + id + "/syncs/" + sync.id()))
                .body(Map.of("id", sync.id(), "status", sync.status()));
    }

    record SyncResponse(long id, String status, Instant startedAt, @Nullable Instant finishedAt, int fetched,
            int created, int unchanged, JsonNode errors) {
    }

    @GetMapping("/{id}/syncs/{syncId}")
    SyncResponse sync(@PathVariable long id, @PathVariable long syncId) {
        SocialSyncs.SyncView s = syncs.get(id, syncId);
        return new SyncResponse(s.id(), s.status(), s.startedAt(), s.finishedAt(), s.fetched(), s.created(),
                s.unchanged(), json.readTree(s.errorsJson()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        connections.delete(id);
        return ResponseEntity.noContent().build();
    }
}
