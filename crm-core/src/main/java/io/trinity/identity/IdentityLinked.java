package io.trinity.identity;

/**
 * Published inside the transaction that links a social identity to a customer (declared, matched or by hand).
 * The activity feature attributes the identity's earlier activities to the customer; loyalty rewards the link.
 */
public record IdentityLinked(long identityId, String network, long customerId) {
}
