package org.opencommerce.customer.token.control;

import java.util.Set;

/** A client that proved its secret: the operator (no tenant) or a tenant's back-office client. */
public record ClientIdentity(String clientId, String tenant, Set<String> scopes) {
}
