package org.opencommerce.customer.platform;

import java.time.Instant;

/**
 * Who is calling: read from an access token that the MicroProfile JWT realm has verified and whose grant is still
 * active. Resources receive it from {@link CurrentCaller}.
 *
 * @param customerId the customer's id, null for an anonymous caller
 * @param sessionId  the storefront session id, shared by the anonymous token and the customer token after login
 * @param grantId    the token family (login) this token belongs to; revoking it kills the token
 */
public record Caller(String tenant, boolean anonymous, Long customerId, String email, String sessionId, String grantId,
                     String tokenId, String scope, String legalEntityId, Instant expiresAt) {

    public boolean customer() {
        return !anonymous;
    }
}
