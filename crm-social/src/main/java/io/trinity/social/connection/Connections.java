package io.trinity.social.connection;

import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and edits social connections. Credentials are validated per network, encrypted before they reach the
 * database and only ever decrypted for a connector or the webhook verifying a signature.
 */
@Service
public class Connections {

    /** Which credential keys each network needs (first) and accepts. */
    static final Map<String, List<String>> REQUIRED = Map.of("facebook", List.of("pageAccessToken"),
            "x", List.of("bearerToken"), "foursquare", List.of("oauthToken"), "checkin-webhook", List.of("secret"));
    static final Map<String, Set<String>> ALLOWED = Map.of("facebook", Set.of("pageAccessToken", "appSecret"),
            "x", Set.of("bearerToken"), "foursquare", Set.of("oauthToken"), "checkin-webhook", Set.of("secret"));
    private static final Pattern ACCOUNT = Pattern.compile("^[A-Za-z0-9._:@-]{1,100}$");
    private static final Duration MIN_SCHEDULE = Duration.ofMinutes(5);
    private static final Duration MAX_SCHEDULE = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;

    Connections(JdbcClient jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional
    public ConnectionView create(ConnectionDraft draft) {
        Valid v = validate(draft, true);
        try {
            long id = jdbc.sql("""
                            insert into social_connection (network, account_id, display_name, credentials_encrypted,
                                                           schedule) values (?, ?, ?, ?, ?) returning id""")
                    .params(v.network, v.accountId, v.displayName, cipher.encrypt(encode(v.credentials)),
                            v.schedule.toString())
                    .query(Long.class).single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("accountId", "a " + v.network + " connection for account '" + v.accountId
                    + "' already exists");
        }
    }

    @Transactional
    public ConnectionView update(long id, ConnectionDraft draft) {
        ConnectionView current = get(id);
        Valid v = validate(draft, false);
        if (!v.network.equals(current.network())) {
            throw new InvalidInputException("network", "the network of a connection cannot change");
        }
        jdbc.sql("""
                        update social_connection set account_id = ?, display_name = ?, schedule = ?,
                               credentials_encrypted = coalesce(?, credentials_encrypted), updated_at = now(),
                               status = case when ? and status = 'needs-reauth' then 'active' else status end
                        where id = ?""")
                .params(v.accountId, v.displayName, v.schedule.toString(),
                        v.credentials == null ? null : cipher.encrypt(encode(v.credentials)), v.credentials != null, id)
                .update();
        return get(id);
    }

    /** Pauses or resumes a connection. */
    @Transactional
    public ConnectionView setStatus(long id, String status) {
        if (!Set.of("active", "paused").contains(status)) {
            throw new InvalidInputException("status", "set a connection 'active' or 'paused'");
        }
        get(id);
        jdbc.sql("update social_connection set status = ?, updated_at = now() where id = ?").params(status, id)
                .update();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from social_connection where id = ?").param(id).update() == 0) {
            throw new NotFoundException("no connection " + id);
        }
    }

    @Transactional(readOnly = true)
    public ConnectionView get(long id) {
        return jdbc.sql("select * from social_connection where id = ?").param(id).query(Connections::view)
                .optional().orElseThrow(() -> new NotFoundException("no connection " + id));
    }

    @Transactional(readOnly = true)
    public List<ConnectionView> list() {
        return jdbc.sql("select * from social_connection order by network, display_name").query(Connections::view)
                .list();
    }

    /** Decrypted credentials of the active connections of a network, by connection id. For connectors only. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, String>> activeCredentials(String network) {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        jdbc.sql("select id, credentials_encrypted from social_connection where network = ? and status = 'active'"
                        + " order by id")
                .param(network)
                .query((rs, n) -> Map.entry(rs.getLong(1), decode(cipher.decrypt(rs.getBytes(2)))))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private record Valid(String network, String accountId, String displayName,
            @Nullable Map<String, String> credentials, Duration schedule) {
    }

    private static Valid validate(ConnectionDraft d, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        String network = d.network() == null ? "" : d.network().strip();
        if (!REQUIRED.containsKey(network)) {
            errors.add(new FieldError("network", "choose facebook, x, foursquare or checkin-webhook"));
        }
        String account = d.accountId() == null ? "" : d.accountId().strip();
        if (!ACCOUNT.matcher(account).matches()) {
            errors.add(new FieldError("accountId", "is required: the page id, X user id or venue group"));
        }
        String name = d.displayName() == null ? "" : d.displayName().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("displayName", "is required (at most 200 characters)"));
        }
        Duration schedule = Duration.ofHours(1);
        if (d.schedule() != null && !d.schedule().isBlank()) {
            try {
                schedule = Duration.parse(d.schedule().strip());
                if (schedule.compareTo(MIN_SCHEDULE) < 0 || schedule.compareTo(MAX_SCHEDULE) > 0) {
                    errors.add(new FieldError("schedule", "must be between PT5M and P7D"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("schedule", "'" + d.schedule() + "' is not an ISO-8601 duration (e.g. PT1H)"));
            }
        }
        Map<String, String> credentials = d.credentials();
        if (credentials == null) {
            if (creating) {
                errors.add(new FieldError("credentials", "are required"));
            }
        } else if (REQUIRED.containsKey(network)) {
            for (String key : REQUIRED.get(network)) {
                String value = credentials.get(key);
                if (value == null || value.isBlank()) {
                    errors.add(new FieldError("credentials." + key, "is required for " + network));
                }
            }
            for (Map.Entry<String, String> e : credentials.entrySet()) {
                if (!ALLOWED.get(network).contains(e.getKey())) {
                    errors.add(new FieldError("credentials." + e.getKey(), "is not a " + network + " credential"));
                } else if (e.getValue() != null && (e.getValue().length() > 4096
                        || e.getValue().chars().anyMatch(c -> c < 0x20))) {
                    errors.add(new FieldError("credentials." + e.getKey(), "is not a plausible credential"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(network, account, name, credentials, schedule);
    }

    /** Credentials as "key NUL value NUL …" (credentials never contain control characters). */
    static String encode(Map<String, String> credentials) {
        StringBuilder out = new StringBuilder();
        credentials.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                out.append(k).append('\u0000').append(v.strip()).append('\u0000');
            }
        });
        return out.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = encoded.split("\u0000");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            out.put(parts[i], parts[i + 1]);
        }
        return out;
    }

    private static ConnectionView view(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp last = rs.getTimestamp("last_success_at");
        return new ConnectionView(rs.getLong("id"), rs.getString("network"), rs.getString("account_id"),
                rs.getString("display_name"), Duration.parse(rs.getString("schedule")), rs.getString("status"),
                last == null ? null : last.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
