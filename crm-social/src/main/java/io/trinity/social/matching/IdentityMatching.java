package io.trinity.social.matching;

import io.trinity.identity.IdentityStore;
import io.trinity.identity.LinkMethod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Links unlinked identities to customers from exact evidence in what they wrote (loyalty numbers, e-mails). */
@Component
public class IdentityMatching {

    /** Loyalty numbers look like NW-100001: letters, a dash, digits. */
    static final Pattern LOYALTY = Pattern.compile("\\b[A-Z]{2,4}-\\d{4,10}\\b");
    static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\"']+@[^@\\s<>()\"']+\\.[A-Za-z]{2,}");

    private final JdbcClient jdbc;
    private final IdentityStore identities;

    private final io.trinity.customer.CustomerResolver customers;

    IdentityMatching(JdbcClient jdbc, IdentityStore identities, io.trinity.customer.CustomerResolver customers) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.identities = identities;
    }

    /** Links the identity when the text names exactly one customer by loyalty number or e-mail. */
    public boolean fromText(long identityId, String text) {
        if (text == null) {
            return false;
        }
        Set<Long> byLoyalty = new LinkedHashSet<>();
        Matcher loyalty = LOYALTY.matcher(text);
        while (loyalty.find()) {
            customers.byLoyaltyNumber(loyalty.group()).ifPresent(byLoyalty::add);
        }
        if (byLoyalty.size() == 1) {
            return link(identityId, byLoyalty.iterator().next(), LinkMethod.MATCHED_LOYALTY);
        }
        Set<Long> byEmail = new LinkedHashSet<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            List<Long> ids = customers.byEmail(email.group());
            if (ids.size() == 1) {
                byEmail.addAll(ids);
            }
        }
        return byEmail.size() == 1 && link(identityId, byEmail.iterator().next(), LinkMethod.MATCHED_EMAIL);
    }

    /** Links the identity to the one active customer with this e-mail (compared case-insensitively), if any. */
    public boolean byEmail(long identityId, String email) {
        List<Long> ids = customers.byEmail(email);
        return ids.size() == 1 && link(identityId, ids.get(0), LinkMethod.MATCHED_EMAIL);
    }

    /**
     * Links the identity to the customer who owns the given account on another network (e.g. a Foursquare
     * profile's X username), when that account is linked.
     */
    public boolean byLinkedHandle(long identityId, String network, String handle) {
        List<Long> ids = jdbc.sql("select distinct customer_id from identity_directory where network = ?"
                        + " and lower(handle) = ? and customer_id is not null")
                .params(network, handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT))
                .query(Long.class).list();
        return ids.size() == 1 && link(identityId, ids.get(0), LinkMethod.MATCHED_HANDLE);
    }

    /** Links; the identity's earlier activities follow it to the customer (the activity feature sees to that). */
    private boolean link(long identityId, long customerId, LinkMethod method) {
        return identities.linkIfUnlinked(identityId, customerId, method);
    }
}
