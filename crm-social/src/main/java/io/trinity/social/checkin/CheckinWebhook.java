package io.trinity.social.checkin;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.shared.BatchResult;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.social.connection.Connections;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives in-store check-ins. The HMAC-SHA256 of the raw body is checked, in constant time, against the secret of
 * every active check-in-webhook connection <em>before</em> the body is parsed; the event id is the idempotency key,
 * so a redelivery is acknowledged and stores nothing new.
 */
@Service
public class CheckinWebhook {

    public static final String NETWORK = "instore";
    static final String PREFIX = "sha256=";

    /** What happened to a delivery. */
    public enum Outcome { ACCEPTED, DUPLICATE }

    private final Connections connections;
    private final ActivityIngest activities;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    private final io.trinity.customer.CustomerResolver customerResolver;

    CheckinWebhook(Connections connections, ActivityIngest activities, JdbcClient jdbc,
            io.trinity.customer.CustomerResolver customerResolver) {
        this.customerResolver = customerResolver;
        this.connections = connections;
        this.activities = activities;
        this.jdbc = jdbc;
    }

    @Transactional
    public Outcome receive(byte[] body, String signatureHeader) {
        verify(body, signatureHeader);
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not valid JSON");
        }
        if (event == null || !event.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        String eventId = text(event, "eventId");
        String storeId = text(event, "storeId");
        String occurredAt = text(event, "occurredAt");
        String source = text(event, "source");
        JsonNode ref = event.get("customerRef");
        if (eventId == null || storeId == null || occurredAt == null || ref == null || !ref.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("body",
                    "needs eventId, customerRef {email | loyaltyNumber}, storeId and occurredAt")));
        }
        if (source != null && !List.of("qr", "geofence").contains(source.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("source", "must be qr or geofence");
        }
        Long customerId = customer(ref).orElseThrow(() -> new InvalidInputException("customerRef",
                "matches no customer"));
        BatchResult result = activities.ingest(List.of(new ActivityDraft(NETWORK, eventId, "CHECKIN", occurredAt,
                new ActivityDraft.Actor(customerId, null, null, null, null),
                new ActivityDraft.Target(null, null, null, storeId), null,
                source == null ? null : "{\"source\": \"" + source.toLowerCase(Locale.ROOT) + "\"}", null)));
        if (result.rejected() > 0) {
            var error = result.errors().get(0);
            throw new InvalidInputException(error.field(), error.message());
        }
        return result.created() == 1 ? Outcome.ACCEPTED : Outcome.DUPLICATE;
    }

    /** Checks the signature against every active webhook secret; throws when none matches. */
    void verify(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            throw new SignatureRejectedException("missing X-Trinity-Signature: sha256=<hex>");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("the signature is not hexadecimal");
        }
        for (Map<String, String> credentials : connections.activeCredentials("checkin-webhook").values()) {
            String secret = credentials.get("secret");
            if (secret != null && MessageDigest.isEqual(hmac(secret, body), given)) {
                return;
            }
        }
        throw new SignatureRejectedException("the signature does not match");
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Long> customer(JsonNode ref) {
        String email = text(ref, "email");
        if (email != null) {
            List<Long> ids = customerResolver.byEmail(email);
            return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
        }
        String loyalty = text(ref, "loyaltyNumber");
        if (loyalty != null) {
            return customerResolver.byLoyaltyNumber(loyalty);
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }
}
