package io.trinity.marketing;

import org.jspecify.annotations.Nullable;

/** One customer in a ranked list, with the scores and facts the filters work on. */
public record AudienceMember(long customerId, String externalId, @Nullable String firstName,
        @Nullable String lastName, @Nullable String city, @Nullable String country, boolean consent, double combined,
        @Nullable Double transaction, double relationship, double influence, String segment, String tier) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? externalId : name;
    }
}
