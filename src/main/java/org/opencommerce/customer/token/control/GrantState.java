package org.opencommerce.customer.token.control;

/** What the revocation check needs of a grant: whether it is live, and what can revoke it wholesale. */
public record GrantState(String tenant, Long customerId, boolean active) {
}
