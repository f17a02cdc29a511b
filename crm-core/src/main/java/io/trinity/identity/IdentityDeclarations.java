package io.trinity.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts a customer declared as their own (e.g. the facebook_id and x_username columns of a customer file).
 * A declaration is the strongest evidence there is, but it never takes an identity away from another customer.
 */
@Component
public class IdentityDeclarations {

    /** A declared account: by network user id, or by handle when the id is not known yet. */
    public record Declared(String network, @Nullable String networkUserId, @Nullable String handle) {
    }

    private final JdbcClient jdbc;
    private final IdentityStore store;

    IdentityDeclarations(JdbcClient jdbc, IdentityStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** For each declared account that is already linked, the external id of the customer it is linked to. */
    public Map<Declared, String> owners(List<Declared> declared) {
        Map<Declared, String> owners = new HashMap<>();
        for (Declared d : declared) {
            store.find(d.network(), d.networkUserId(), d.handle())
                    .filter(identity -> identity.customerId() != null)
                    .ifPresent(identity -> owners.put(d, jdbc.sql("select external_id from customer_directory where id = ?")
                            .param(identity.customerId()).query(String.class).single()));
        }
        return owners;
    }

    /** Links the declared accounts to the customer (creating them if new); true when anything changed. */
    public boolean declare(long customerId, List<Declared> declared) {
        boolean changed = false;
        for (Declared d : declared) {
            IdentityView identity = store.find(d.network(), d.networkUserId(), d.handle()).orElse(null);
            if (identity == null) {
                identity = store.findOrCreate(d.network(), d.networkUserId(), d.handle());
            }
            if (identity.customerId() == null) {
                // Activities the identity already had follow it to the customer (on IdentityLinked).
                changed |= store.linkIfUnlinked(identity.id(), customerId, LinkMethod.DECLARED);
            }
        }
        return changed;
    }

}
