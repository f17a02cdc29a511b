package io.trinity.core.identity;

/** Published when a social identity becomes linked to a customer (declared, matched or by hand). */
public record IdentityLinked(long identityId, String network, long customerId) {
}
