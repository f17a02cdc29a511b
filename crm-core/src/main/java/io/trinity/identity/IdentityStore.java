package io.trinity.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds, creates and links social identities. Identities are keyed by network plus the network's user id; an
 * identity known only by handle (e.g. an X username declared in a CSV) is found case-insensitively by handle.
 */
@Component
public class IdentityStore {

    private static final String COLUMNS = "id, network, network_user_id, handle, display_name, profile_url, "
            + "follower_count, customer_id, link_method, created_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    IdentityStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<IdentityView> forCustomer(long customerId) {
        return jdbc.sql("select " + COLUMNS + " from social_identity where customer_id = ? order by network, id")
                .param(customerId).query(IdentityStore::row).list();
    }

    public Optional<IdentityView> find(String network, @Nullable String networkUserId, @Nullable String handle) {
        if (networkUserId != null) {
            Optional<IdentityView> byId = jdbc.sql("select " + COLUMNS
                    + " from social_identity where network = ? and network_user_id = ?")
                    .params(network, networkUserId).query(IdentityStore::row).optional();
            if (byId.isPresent() || handle == null) {
                return byId;
            }
        }
        if (handle == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from social_identity where network = ? and lower(handle) = ?"
                        + " order by (network_user_id is null), id limit 1")
                .params(network, Networks.normaliseHandle(handle).toLowerCase(Locale.ROOT))
                .query(IdentityStore::row).optional();
    }

    /** The identity for this key, created unlinked if it did not exist yet. */
    public IdentityView findOrCreate(String network, @Nullable String networkUserId, @Nullable String handle) {
        if (networkUserId == null && handle == null) {
            throw new IllegalArgumentException("an identity needs a network user id or a handle");
        }
        String cleanHandle = handle == null ? null : Networks.normaliseHandle(handle);
        return find(network, networkUserId, cleanHandle).orElseGet(() -> {
            if (networkUserId != null) {
                jdbc.sql("insert into social_identity (network, network_user_id, handle) values (?, ?, ?)"
                                + " on conflict (network, network_user_id) do nothing")
                        .params(network, networkUserId, cleanHandle).update();
                return find(network, networkUserId, null).orElseThrow();
            }
            return jdbc.sql("insert into social_identity (network, handle) values (?, ?) returning " + COLUMNS)
                    .params(network, cleanHandle).query(IdentityStore::row).single();
        });
    }

    /**
     * Records what a network says about an account (handle, name, audience). An account the customer declared by
     * handle only gets its network user id here, so the declaration and the network's account become one.
     */
    public IdentityView observe(String network, String networkUserId, @Nullable String handle,
            @Nullable String displayName, @Nullable Long followers) {
        String cleanHandle = handle == null ? null : Networks.normaliseHandle(handle);
        Optional<IdentityView> byId = find(network, networkUserId, null);
        long id;
        if (byId.isPresent()) {
            id = byId.get().id();
        } else {
            Optional<IdentityView> declared = cleanHandle == null ? Optional.empty()
                    : jdbc.sql("select " + COLUMNS + " from social_identity where network = ? and lower(handle) = ?"
                                    + " and network_user_id is null order by id limit 1")
                            .params(network, cleanHandle.toLowerCase(Locale.ROOT)).query(IdentityStore::row)
                            .optional();
            if (declared.isPresent()) {
                id = declared.get().id();
                jdbc.sql("update social_identity set network_user_id = ? where id = ?").params(networkUserId, id)
                        .update();
            } else {
                id = findOrCreate(network, networkUserId, cleanHandle).id();
            }
        }
        jdbc.sql("update social_identity set handle = coalesce(?, handle), display_name = coalesce(?, display_name),"
                        + " follower_count = coalesce(?, follower_count), updated_at = now() where id = ?"
                        + " and (handle, display_name, follower_count) is distinct from"
                        + " (coalesce(?, handle), coalesce(?, display_name), coalesce(?, follower_count))")
                .params(cleanHandle, displayName, followers, id, cleanHandle, displayName, followers).update();
        return jdbc.sql("select " + COLUMNS + " from social_identity where id = ?").param(id)
                .query(IdentityStore::row).single();
    }

    /**
     * Links an identity to a customer when it is not linked yet; a link to someone else is never overwritten here.
     * Returns true when the link was made.
     */
    public boolean linkIfUnlinked(long identityId, long customerId, LinkMethod method) {
        Optional<String> network = jdbc.sql("update social_identity set customer_id = ?, link_method = ?,"
                        + " linked_at = now(), updated_at = now() where id = ? and customer_id is null returning network")
                .params(customerId, method.name(), identityId).query(String.class).optional();
        network.ifPresent(n -> events.publishEvent(new IdentityLinked(identityId, n, customerId)));
        return network.isPresent();
    }

    /** Identities not linked to any customer yet (or all), keyset-paged by id: the queue a person works through. */
    public io.trinity.shared.Page<IdentityView> list(@Nullable Boolean linked, int limit, @Nullable String after) {
        if (limit < 1 || limit > 500) {
            throw new io.trinity.shared.InvalidInputException("limit", "must be between 1 and 500");
        }
        long afterId = after == null || after.isBlank() ? 0 : io.trinity.shared.Cursor.decode(after);
        String condition = linked == null ? "" : linked ? " and customer_id is not null" : " and customer_id is null";
        java.util.List<IdentityView> rows = jdbc.sql("select " + COLUMNS + " from social_identity where id > ?"
                        + condition + " order by id limit ?")
                .params(afterId, limit + 1).query(IdentityStore::row).list();
        if (rows.size() > limit) {
            return new io.trinity.shared.Page<>(java.util.List.copyOf(rows.subList(0, limit)),
                    io.trinity.shared.Cursor.encode(rows.get(limit - 1).id()));
        }
        return new io.trinity.shared.Page<>(rows, null);
    }

    /**
     * A person links an identity to a customer. An identity already linked to someone else is not moved silently;
     * the identity's earlier activities follow it to the customer.
     */
    @org.springframework.transaction.annotation.Transactional
    public IdentityView linkManually(long identityId, long customerId) {
        IdentityView identity = jdbc.sql("select " + COLUMNS + " from social_identity where id = ?").param(identityId)
                .query(IdentityStore::row).optional()
                .orElseThrow(() -> new io.trinity.shared.NotFoundException("no identity " + identityId));
        if (jdbc.sql("select count(*) from customer_directory where id = ?").param(customerId).query(Long.class).single() == 0) {
            throw new io.trinity.shared.InvalidInputException("customerId", "no customer with id " + customerId);
        }
        if (identity.customerId() != null && identity.customerId() != customerId) {
            throw new io.trinity.shared.ConflictException("customerId", "identity " + identityId
                    + " is linked to customer " + identity.customerId() + "; unlink it first");
        }
        if (identity.customerId() == null) {
            linkIfUnlinked(identityId, customerId, LinkMethod.MANUAL);
        }
        return jdbc.sql("select " + COLUMNS + " from social_identity where id = ?").param(identityId)
                .query(IdentityStore::row).single();
    }

    static IdentityView row(ResultSet rs, int n) throws SQLException {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        long followers = rs.getLong("follower_count");
        Long followerCount = rs.wasNull() ? null : followers;
        String method = rs.getString("link_method");
        return new IdentityView(rs.getLong("id"), rs.getString("network"), rs.getString("network_user_id"),
                rs.getString("handle"), rs.getString("display_name"), rs.getString("profile_url"), followerCount,
                customerId, method == null ? null : LinkMethod.valueOf(method),
                rs.getTimestamp("created_at").toInstant());
    }
}
